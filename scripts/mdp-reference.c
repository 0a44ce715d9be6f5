// mdp-reference: the least an MDP 0.2 (RFC 18) broker can do over libzmq, as a yardstick for
// scripts/bench-bus. Not part of newsbus and not a usable broker: one thread, no request
// queue limit, no worker expiry, no mmi.*, no error replies, no logging, no shutdown.
//
// What it does do, as cheaply as libzmq allows: a READY registers a worker; a client REQUEST goes
// to the next worker of its service with credit left (each worker may hold CREDIT requests, as
// `newsbus broker --worker-credit` allows) or waits in one queue; a worker's PARTIAL/FINAL goes
// to the client it names, with the service. Frames are forwarded without copying (zmq_msg_send
// of the received message), the socket is read with blocking receives (no zmq_poll), and every
// idle second each worker gets a HEARTBEAT so MDP workers keep the connection.
//
//   mdp-reference broker CREDIT            bind tcp://127.0.0.1:<free port>, print "ENDPOINT <url>"
//   mdp-reference broker CREDIT WORKERS    the same, plus WORKERS echo workers, each a thread
//                                          with its own libzmq context (as separate processes)
//
// Built and run by scripts/bench-bus (cc -O2 ... -lzmq); exits when its stdin closes.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zmq.h>

#define MAX_FRAMES 16
#define MAX_WORKERS 64
#define MAX_ID 256
#define QUEUE_SIZE 4096

typedef struct {
    unsigned char id[MAX_ID];
    size_t id_size;
    unsigned char service[MAX_ID];
    size_t service_size;
    int held;
} worker_t;

// A waiting request: the client's routing id, the service and the body frames, still as messages.
typedef struct {
    zmq_msg_t frames[MAX_FRAMES];
    int count; // client id, service, body...
} request_t;

static void *router;
static worker_t workers[MAX_WORKERS];
static int worker_count, next_worker, credit;
static request_t *queue;
static int queue_head, queue_tail;

static void send_bytes(void *socket, const void *data, size_t size, int more) {
    zmq_send(socket, data, size, more ? ZMQ_SNDMORE : 0);
}

// Sends frames[from..<count] on (moved, not copied), the last without ZMQ_SNDMORE.
static void forward(void *socket, zmq_msg_t *frames, int from, int count) {
    for (int i = from; i < count; i++) zmq_msg_send(&frames[i], socket, i + 1 < count ? ZMQ_SNDMORE : 0);
}

static int same(const zmq_msg_t *message, const unsigned char *bytes, size_t size) {
    return zmq_msg_size((zmq_msg_t *)message) == size && memcmp(zmq_msg_data((zmq_msg_t *)message), bytes, size) == 0;
}

static worker_t *find_worker(zmq_msg_t *id) {
    for (int i = 0; i < worker_count; i++)
        if (same(id, workers[i].id, workers[i].id_size)) return &workers[i];
    return NULL;
}

// The next worker of `service` (round robin) that holds fewer than `credit` requests.
static worker_t *worker_with_credit(zmq_msg_t *service) {
    for (int k = 0; k < worker_count; k++) {
        worker_t *worker = &workers[(next_worker + k) % worker_count];
        if (worker->held < credit && same(service, worker->service, worker->service_size)) {
            next_worker = (next_worker + k + 1) % worker_count;
            return worker;
        }
    }
    return NULL;
}

// REQUEST to `worker`: its id, "MDPW02", 0x02, client id, empty, body; moves the frames.
static void send_request(worker_t *worker, zmq_msg_t *frames, int count) {
    unsigned char command = 0x02;
    worker->held++;
    send_bytes(router, worker->id, worker->id_size, 1);
    send_bytes(router, "MDPW02", 6, 1);
    send_bytes(router, &command, 1, 1);
    zmq_msg_send(&frames[0], router, ZMQ_SNDMORE);
    send_bytes(router, "", 0, count > 2);
    forward(router, frames, 2, count);
}

static void dispatch_waiting(void) {
    while (queue_head != queue_tail) {
        request_t *request = &queue[queue_head];
        worker_t *worker = worker_with_credit(&request->frames[1]);
        if (!worker) return;
        send_request(worker, request->frames, request->count);
        for (int i = 0; i < request->count; i++) zmq_msg_close(&request->frames[i]);
        queue_head = (queue_head + 1) % QUEUE_SIZE;
    }
}

// frames: client id, "MDPC02", 0x01, service, body...: queued as client id, service, body (moved,
// not copied), then sent on at once if a worker has credit.
static void client_request(zmq_msg_t *frames, int count) {
    if (count < 4 || zmq_msg_size(&frames[2]) != 1 || *(unsigned char *)zmq_msg_data(&frames[2]) != 0x01) return;
    if ((queue_tail + 1) % QUEUE_SIZE == queue_head) return; // full: dropped, as a bounded broker must
    request_t *slot = &queue[queue_tail];
    slot->count = 0;
    for (int i = 0; i < count; i++) {
        if (i == 1 || i == 2) continue;
        zmq_msg_init(&slot->frames[slot->count]);
        zmq_msg_move(&slot->frames[slot->count++], &frames[i]);
    }
    queue_tail = (queue_tail + 1) % QUEUE_SIZE;
    dispatch_waiting();
}

// frames: worker id, "MDPW02", command, ...
static void worker_command(zmq_msg_t *frames, int count) {
    if (count < 3 || zmq_msg_size(&frames[2]) != 1) return;
    unsigned char command = *(unsigned char *)zmq_msg_data(&frames[2]);
    worker_t *worker = find_worker(&frames[0]);
    if (command == 0x01 && !worker && count == 4 && worker_count < MAX_WORKERS
        && zmq_msg_size(&frames[0]) <= MAX_ID && zmq_msg_size(&frames[3]) <= MAX_ID) { // READY, service
        worker = &workers[worker_count++];
        worker->id_size = zmq_msg_size(&frames[0]);
        memcpy(worker->id, zmq_msg_data(&frames[0]), worker->id_size);
        worker->service_size = zmq_msg_size(&frames[3]);
        memcpy(worker->service, zmq_msg_data(&frames[3]), worker->service_size);
        worker->held = 0;
        dispatch_waiting();
    } else if ((command == 0x03 || command == 0x04) && worker && count >= 5) { // PARTIAL/FINAL
        unsigned char reply = command == 0x04 ? 0x03 : 0x02;
        zmq_msg_send(&frames[3], router, ZMQ_SNDMORE); // client id
        send_bytes(router, "MDPC02", 6, 1);
        send_bytes(router, &reply, 1, 1);
        send_bytes(router, worker->service, worker->service_size, count > 5);
        forward(router, frames, 5, count);
        if (command == 0x04) {
            if (worker->held > 0) worker->held--;
            dispatch_waiting();
        }
    } else if (command == 0x06 && worker) { // DISCONNECT
        *worker = workers[--worker_count];
    }
}

static void heartbeat_all(void) {
    unsigned char command = 0x05;
    for (int i = 0; i < worker_count; i++) {
        send_bytes(router, workers[i].id, workers[i].id_size, 1);
        send_bytes(router, "MDPW02", 6, 1);
        send_bytes(router, &command, 1, 0);
    }
}

// Receives one multipart message into `frames` (frames past MAX_FRAMES overwrite the last);
// returns how many, or -1 (errno in zmq_errno()) when the first frame does not come.
static int receive_message(void *socket, zmq_msg_t *frames) {
    int count = 0, more = 1;
    while (more) {
        zmq_msg_t *frame = &frames[count < MAX_FRAMES ? count : MAX_FRAMES - 1];
        if (zmq_msg_recv(frame, socket, 0) < 0) {
            // The rest of a message arrives with its first frame: only a signal interrupts it.
            if (count > 0 && zmq_errno() == EINTR) continue;
            return -1;
        }
        more = zmq_msg_more(frame);
        if (count < MAX_FRAMES) count++;
    }
    return count;
}

static void serve(void) {
    zmq_msg_t frames[MAX_FRAMES];
    for (int i = 0; i < MAX_FRAMES; i++) zmq_msg_init(&frames[i]);
    for (;;) {
        int count = receive_message(router, frames);
        if (count < 0) {
            if (zmq_errno() != EAGAIN) return;
            heartbeat_all(); // a second without traffic
            continue;
        }
        if (count < 2) continue;
        if (same(&frames[1], (const unsigned char *)"MDPC02", 6)) client_request(frames, count);
        else if (same(&frames[1], (const unsigned char *)"MDPW02", 6)) worker_command(frames, count);
    }
}

// An echo worker on its own context: READY for "echo", then every REQUEST back as a FINAL.
static void *echo_worker(void *endpoint) {
    void *context = zmq_ctx_new();
    void *socket = zmq_socket(context, ZMQ_DEALER);
    unsigned char ready = 0x01, final = 0x04;
    zmq_connect(socket, endpoint);
    send_bytes(socket, "MDPW02", 6, 1);
    send_bytes(socket, &ready, 1, 1);
    send_bytes(socket, "echo", 4, 0);
    zmq_msg_t frames[MAX_FRAMES];
    for (int i = 0; i < MAX_FRAMES; i++) zmq_msg_init(&frames[i]);
    for (;;) {
        int count = receive_message(socket, frames);
        if (count < 0) return NULL;
        // "MDPW02", 0x02, client id, empty, body...
        if (count < 4 || zmq_msg_size(&frames[1]) != 1 || *(unsigned char *)zmq_msg_data(&frames[1]) != 0x02) continue;
        send_bytes(socket, "MDPW02", 6, 1);
        send_bytes(socket, &final, 1, 1);
        zmq_msg_send(&frames[2], socket, ZMQ_SNDMORE);
        send_bytes(socket, "", 0, count > 4);
        forward(socket, frames, 4, count);
    }
}

static void *exit_when_stdin_closes(void *unused) {
    (void)unused;
    char buffer[256];
    while (read(0, buffer, sizeof buffer) > 0) {}
    _exit(0);
}

int main(int argc, char **argv) {
    if (argc < 3 || strcmp(argv[1], "broker") != 0 || atoi(argv[2]) < 1) {
        fprintf(stderr, "usage: mdp-reference broker CREDIT [WORKERS]\n");
        return 2;
    }
    credit = atoi(argv[2]);
    int echo_workers = argc > 3 ? atoi(argv[3]) : 0;
    queue = calloc(QUEUE_SIZE, sizeof(request_t));
    void *context = zmq_ctx_new();
    router = zmq_socket(context, ZMQ_ROUTER);
    int second = 1000;
    zmq_setsockopt(router, ZMQ_RCVTIMEO, &second, sizeof second);
    static char endpoint[256];
    size_t size = sizeof endpoint;
    if (!queue || zmq_bind(router, "tcp://127.0.0.1:*") != 0
        || zmq_getsockopt(router, ZMQ_LAST_ENDPOINT, endpoint, &size) != 0) {
        fprintf(stderr, "mdp-reference: cannot bind 127.0.0.1: %s\n", zmq_strerror(zmq_errno()));
        return 1;
    }
    pthread_t thread;
    pthread_create(&thread, NULL, exit_when_stdin_closes, NULL);
    for (int i = 0; i < echo_workers; i++) pthread_create(&thread, NULL, echo_worker, endpoint);
    printf("ENDPOINT %s\n", endpoint);
    fflush(stdout);
    serve();
    return 1;
}
