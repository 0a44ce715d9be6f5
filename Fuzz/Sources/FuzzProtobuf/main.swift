// Fuzzes NewsWire decoding: the input is decoded as each top-level message. Whatever decodes must
// re-encode and decode to an equal message; a decoded ExtractRequest then goes through the worker's
// core (`ChunkExtraction.reply`) with a cheap pipeline, whose reply must name the same chunk and
// round-trip too.
import Extraction
import ExtractionWorker
import Foundation
import FuzzSupport
import NewsWire
import SwiftProtobuf

/// Decodes `bytes` as `M`; if that works, checks the binary round trip and renders it as JSON.
/// The round trip compares encodings, not messages: a `double` field may hold NaN (the regression
/// seed `extract-reply-nan-goldstein`), and NaN is never equal to itself.
@discardableResult
func roundTrip<M: SwiftProtobuf.Message>(_ type: M.Type, _ bytes: [UInt8]) -> M? {
    guard let message = try? M(serializedBytes: bytes) else { return nil }
    do {
        let encoded: [UInt8] = try message.serializedBytes()
        let again: [UInt8] = try M(serializedBytes: encoded).serializedBytes()
        InputSplitting.check(again == encoded, "\(M.self) changes on a round trip")
    } catch {
        InputSplitting.check(false, "\(M.self) decoded but its encoding does not decode: \(error)")
    }
    _ = try? message.jsonString()
    return message
}

let pipeline: Pipeline
do {
    pipeline = try Pipeline(stages: [Tokenizer(), SentenceSplitter(), TemporalNormalizer()])
} catch {
    fatalError("cannot build the fuzz pipeline: \(error)")
}

if let directory = SeedWriter.requestedDirectory {
    var request = Newsbus_V1_ExtractRequest()
    request.schemaVersion = newsbusSchemaVersion
    request.jobID = "job"
    request.chunkID = "job/0-0"
    request.articleID = "a1"
    request.articleDate = "2024-03-15"
    request.text = "Talks resumed in Geneva on Monday. A deal was signed on 3 March 2024, officials said."
    request.offset = 120
    request.attempt = 1
    var undated = request
    undated.articleDate = ""
    undated.offset = 0
    var badDate = request
    badDate.articleDate = "2024-02-30"
    var badVersion = request
    badVersion.schemaVersion = 99
    var jobs = Newsbus_V1_JobRequest()
    jobs.schemaVersion = newsbusSchemaVersion
    var submit = Newsbus_V1_SubmitJob()
    var article = Newsbus_V1_Article()
    article.id = "a1"
    article.title = "Talks"
    article.date = "2024-03-15"
    article.source = "wire"
    article.text = request.text
    submit.articles = [article]
    submit.name = "seed"
    jobs.submit = submit
    var status = jobs
    status.status = Newsbus_V1_StatusQuery()
    var jobReply = Newsbus_V1_JobReply()
    jobReply.schemaVersion = newsbusSchemaVersion
    var jobStatus = Newsbus_V1_JobStatus()
    jobStatus.jobID = "job"
    jobStatus.state = "running"
    jobStatus.articles = 1
    jobReply.accepted = jobStatus
    var nanReply = ChunkExtraction.reply(to: request, pipeline: pipeline)
    var nanEvent = Newsbus_V1_Event()
    nanEvent.code = "042"
    nanEvent.goldstein = .nan
    nanReply.events = [nanEvent]
    var errorReply = jobReply
    var error = Newsbus_V1_ErrorReply()
    error.code = "bad_request"
    error.message = "no articles"
    errorReply.error = error
    do {
        let seeds: [(name: String, bytes: [UInt8])] = [
            ("extract-request", try request.serializedBytes()),
            ("extract-request-undated", try undated.serializedBytes()),
            ("extract-request-bad-date", try badDate.serializedBytes()),
            ("extract-request-bad-version", try badVersion.serializedBytes()),
            ("extract-reply", try ChunkExtraction.reply(to: request, pipeline: pipeline).serializedBytes()),
            ("extract-reply-nan-goldstein", try nanReply.serializedBytes()),
            ("job-request-submit", try jobs.serializedBytes()),
            ("job-request-status", try status.serializedBytes()),
            ("job-reply-accepted", try jobReply.serializedBytes()),
            ("job-reply-error", try errorReply.serializedBytes()),
        ]
        SeedWriter.write(seeds, to: directory)
    } catch {
        fatalError("cannot encode seeds: \(error)")
    }
}

FuzzDriver.run { bytes in
    if let request = roundTrip(Newsbus_V1_ExtractRequest.self, bytes) {
        let reply = ChunkExtraction.reply(to: request, pipeline: pipeline)
        InputSplitting.check(reply.chunkID == request.chunkID, "reply names another chunk")
        InputSplitting.check(reply.schemaVersion == newsbusSchemaVersion, "reply has another schema version")
        do {
            let encoded: [UInt8] = try reply.serializedBytes()
            let again: [UInt8] = try Newsbus_V1_ExtractReply(serializedBytes: encoded).serializedBytes()
            InputSplitting.check(again == encoded, "reply round trip")
        } catch {
            InputSplitting.check(false, "the worker's reply does not encode: \(error)")
        }
    }
    roundTrip(Newsbus_V1_ExtractReply.self, bytes)
    roundTrip(Newsbus_V1_JobRequest.self, bytes)
    roundTrip(Newsbus_V1_JobReply.self, bytes)
}
