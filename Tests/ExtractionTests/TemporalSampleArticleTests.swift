import Testing

@testable import Extraction

/// The whole sample article (Washington Examiner, 2025-11-06): every date found, nothing more.
@Suite("Temporal sample article")
struct TemporalSampleArticleTests {
    /// The article body as published (title excluded), one paragraph per line.
    static let paragraphs: [String] = [
        "Kazakhstan President Kassym-Jomart Tokayev is expected to announce that his country will join the Abraham Accords on Thursday night at the White House, a senior administration official confirmed to the Washington Examiner.",
        "",
        "This will mark the first time since President Donald Trump’s return to office that a country has joined his landmark foreign policy achievement from his first term.",
        "",
        "Kazakhstan has had diplomatic relations with Israel since 1992, and the two countries have not engaged in a significant conflict, but the announcement could serve as a jumping-off point for the administration’s efforts to get even more countries on board with normalizing relations with Israel.",
        "",
        "Tokayev is one of five leaders of Central Asian countries, all of which are majority Muslim, who are set to meet with Trump on Thursday evening. He will be joined by President Shavkat Mirziyoyev of Uzbekistan, President Sadyr Nurgojo uulu Japarov of Kyrgyzstan, President Emomali Rahmon of Tajikistan, and President Serdar Berdimuhamedow of Turkmenistan. They are also expected to sign new economic agreements.",
        "",
        "Four Arab countries — Sudan, the United Arab Emirates, Bahrain, and Morocco — joined the Abraham Accords during the first Trump administration, but the region was forever altered by Hamas’s Oct. 7, 2023, attack in Israel, and Israel’s subsequent wars in Gaza, Lebanon, Iran, and Yemen.",
        "",
        "Israel’s standing in the Middle East and the Arab world has taken a significant hit as its military carried out these operations.",
        "",
        "The president said during a trip to Riyadh in May that it’s his “dream” that Saudi Arabia would join the Abraham Accords.",
        "",
        "TENSION BUILDS BETWEEN TRUMP’S TOP COPS FOLLOWING MONTHS OF ‘BONEHEAD SCREWUPS’",
        "",
        "“It’s my fervent hope, wish, and even my dream that Saudi Arabia — a place I have such respect for, especially over the last fairly short period of time, what you’ve been able to do — will soon be joining the Abraham Accords,” he said. “I think it’ll be a tremendous tribute to your country, and it will be something that’s really going to be very important for the future of the Middle East.”",
        "",
        "A Saudi-Israel peace deal was on the verge of coming to fruition before the Hamas attack reshaped the region. Saudi Crown Prince Mohammed bin Salman al Saud is set to travel to Washington on Nov. 18.",
        "",
        "Related Content",
        "",
    ]

    @Test("finds exactly the article's six dates")
    func sampleArticle() throws {
        let text = Self.paragraphs.joined(separator: "\n")
        let document = try TemporalNormalizerTests.normalize(text, articleDate: "2025-11-06")
        let found = document.dates.map { "\($0.text) = \($0.value ?? "nil")" }
        #expect(found == [
            "Thursday night = 2025-11-06", "1992 = 1992", "Thursday evening = 2025-11-06",
            "Oct. 7, 2023 = 2023-10-07", "May = 2025-05", "Nov. 18 = 2025-11-18",
        ])
    }
}
