import Aggregation
import Foundation
import NewsWire

/// A hand-built report with realistic content and hostile text (markup, quotes, pipes, emoji).
enum SampleReport {
    static func make() -> Report {
        let merged = Merger().merge([kazakhstan(), israel(), hostile()])
        var stats = SchedulerStats()
        stats.chunks = 7
        stats.chunksDone = 6
        stats.retries = 2
        stats.duplicatesDropped = 1
        stats.failures = 1
        stats.replySecondsTotal = 0.9
        stats.replySecondsMaximum = 0.4
        let articles = [
            Report.ArticleEntry(
                id: "kazakhstan-abraham-accords", title: "Kazakhstan to join Abraham Accords", date: "2025-11-06",
                source: "Washington Examiner", status: "ok", error: nil),
            Report.ArticleEntry(
                id: "israel-reacts", title: "Israel welcomes the move", date: "2025-11-07", source: "Wire",
                status: "ok", error: nil),
            Report.ArticleEntry(
                id: "<script>alert(1)</script>", title: "Quotes \"&\" <b>tags</b> | pipes 🚀", date: nil, source: nil,
                status: "ok", error: nil),
            Report.ArticleEntry(
                id: "broken", title: "Never answered", date: "2025-11-05", source: "Feed", status: "failed",
                error: "chunk 3-0: no reply after 3 attempts"),
        ]
        let submitted = Date(timeIntervalSince1970: 1_762_430_400)
        return Report(
            job: Report.Job(
                id: "j-20251106-120000-a1b2c3", name: "sample", submitted: submitted,
                finished: submitted.addingTimeInterval(12.5)),
            articles: articles, entities: merged.entities, dates: merged.dates, events: merged.events,
            links: merged.links,
            stats: Report.Stats(articles: 4, articlesFailed: 1, scheduler: stats, elapsedSeconds: 12.5))
    }

    private static func kazakhstan() -> Merger.ArticleReplies {
        let entities = [
            Replies.entity(
                "e1", "Kazakhstan", "LOCATION", country: "KZ", mentions: [("Kazakhstan", 0), ("Kazakhstan", 300)]),
            Replies.entity(
                "e2", "Kassym-Jomart Tokayev", "PERSON", country: "KZ", mentions: [("Kassym-Jomart Tokayev", 21)]),
            Replies.entity("e3", "Abraham Accords", "MISC", mentions: [("Abraham Accords", 96)]),
            Replies.entity("e4", "White House", "ORGANIZATION", country: "US", mentions: [("White House", 140)]),
            Replies.entity(
                "e5", "Washington Examiner", "ORGANIZATION", country: "US", mentions: [("Washington Examiner", 200)]),
            Replies.entity("e6", "Donald Trump", "PERSON", country: "US", mentions: [("Donald Trump", 260)]),
            Replies.entity("e7", "Israel", "LOCATION", country: "IL", mentions: [("Israel", 330)]),
        ]
        let later = [
            Replies.entity("e1", "Tokayev", "PERSON", mentions: [("Tokayev", 2100), ("Tokayev", 2190)]),
            Replies.entity("e2", "Trump", "PERSON", mentions: [("Trump", 2120)]),
            Replies.entity("e3", "Kazakhstan", "LOCATION", mentions: [("Kazakhstan", 2150)]),
            Replies.entity("e4", "Steve Witkoff", "PERSON", country: "US", mentions: [("Steve Witkoff", 2400)]),
        ]
        return Merger.ArticleReplies(
            articleID: "kazakhstan-abraham-accords",
            replies: [
                Replies.reply(
                    "0-0", entities: entities,
                    events: [
                        Replies.event(
                            "057", source: "e1", target: "e3", date: "2025-11-06", start: 0, end: 180,
                            sentence:
                                "Kazakhstan President Kassym-Jomart Tokayev is expected to announce that his country will join the Abraham Accords on Thursday night at the White House."
                        ),
                        Replies.event(
                            "036", source: "e1", target: "e7", date: "1992-04-10", start: 300, end: 380,
                            sentence: "Kazakhstan has had diplomatic relations with Israel since 1992."),
                    ],
                    dates: [
                        Replies.date("Thursday", "2025-11-06", start: 120), Replies.date("1992", "1992", start: 370),
                    ]),
                Replies.reply(
                    "0-1", entities: later,
                    events: [
                        Replies.event(
                            "040", source: "e1", target: "e2", date: "2025-11-06", start: 2100, end: 2180,
                            sentence: "Tokayev met Trump at the White House on Thursday."),
                        Replies.event(
                            "043", source: "e4", target: "e3", date: "2025-11-05", start: 2400, end: 2480,
                            sentence: "Witkoff travelled to Kazakhstan on Wednesday."),
                    ]),
            ])
    }

    private static func israel() -> Merger.ArticleReplies {
        let entities = [
            Replies.entity("e1", "Israel", "LOCATION", country: "IL", mentions: [("Israel", 0), ("Israel", 90)]),
            Replies.entity("e2", "Benjamin Netanyahu", "PERSON", country: "IL", mentions: [("Benjamin Netanyahu", 30)]),
            Replies.entity("e3", "Kazakhstan", "LOCATION", country: "KZ", mentions: [("Kazakhstan", 60)]),
            Replies.entity("e4", "Abraham Accords", "MISC", mentions: [("Abraham Accords", 110)]),
        ]
        var events = [
            Replies.event(
                "051", source: "e2", target: "e3", date: "2025-11-07", start: 0, end: 120,
                sentence: "Israeli Prime Minister Benjamin Netanyahu praised Kazakhstan's decision."),
            Replies.event(
                "190", source: "e1", target: "", date: "2023-10-07", start: 200, end: 260,
                sentence: "The accords survived the war that began on Oct. 7, 2023."),
        ]
        events[1].quadClass = 4
        return Merger.ArticleReplies(
            articleID: "israel-reacts",
            replies: [
                Replies.reply(
                    "1-0", entities: entities, events: events,
                    dates: [Replies.date("Oct. 7, 2023", "2023-10-07", start: 240)])
            ])
    }

    private static func hostile() -> Merger.ArticleReplies {
        let entities = [
            Replies.entity("e1", "</svg><script>alert(\"x\")</script>", "ORGANIZATION", mentions: [("x", 0)]),
            Replies.entity("e2", "O'Brien & Sons | \"Ltd\" 🚀", "ORGANIZATION", mentions: [("O'Brien", 10)]),
            Replies.entity("e3", "Kazakhstan", "LOCATION", mentions: [("Kazakhstan", 40)]),
        ]
        return Merger.ArticleReplies(
            articleID: "<script>alert(1)</script>",
            replies: [
                Replies.reply(
                    "2-0", entities: entities,
                    events: [
                        Replies.event(
                            "010", source: "e1", target: "e2", start: 0, end: 50,
                            sentence: "</td><script>alert('event')</script> said \"hello\" & left.")
                    ])
            ])
    }
}
