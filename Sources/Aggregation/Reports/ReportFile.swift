import Foundation

/// A report file written in pieces and put in place atomically: the pieces go to a temporary file
/// beside it, renamed over the file once all are written (and removed if anything failed), so a
/// reader never sees part of a report. Pieces are written as they come, so a large file's first
/// part is on its way to the disk while its next part is still being rendered.
enum ReportFile {
    /// Writes the pieces `body` hands to its output as `name` in `directory`; returns the path.
    static func write(
        as name: String, in directory: String, _ body: (_ output: (UnsafeRawBufferPointer) -> Void) -> Void
    ) throws(AggregationError) -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        let temporary = (directory as NSString).appendingPathComponent(
            ".\(name).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: .min ... .max)).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .reportWrite(path: path, reason: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        body { bytes in
            guard failure == 0 else { return }
            failure = writeAll(bytes, to: descriptor)
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw .reportWrite(path: path, reason: String(cString: strerror(failure)))
        }
        return path
    }

    /// At most this many bytes per `write` call. The kernel sizes the page-cache folios of a write
    /// by the write: one 9 MB write (a 1,000-article report.json) took ~20 ms of kernel time here,
    /// finding and filling large folios, where the same bytes in 64 KiB writes took ~2 ms.
    static let writeLimit = 1 << 16

    /// Writes every byte of `buffer` (retrying short and interrupted writes); 0, or the errno.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let written = Foundation.write(descriptor, base + offset, min(buffer.count - offset, writeLimit))
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}
