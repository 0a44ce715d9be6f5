#ifndef NEWSBUS_CZEROMQ_SHIM_H
#define NEWSBUS_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
