import Testing

@testable import Extraction

@Suite("Temporal calendar helpers")
struct TemporalCalendarTests {
    @Test(
        "ISO week values follow the Thursday rule",
        arguments: [
            ("2025-11-06", "2025-W45"),
            ("2025-12-29", "2026-W01"),
            ("2024-12-30", "2025-W01"),
            ("2021-01-03", "2020-W53"),
            ("2020-12-31", "2020-W53"),
            ("2023-01-01", "2022-W52"),
            ("2023-01-02", "2023-W01"),
        ])
    func isoWeek(date: String, expected: String) throws {
        let day = try #require(CalendarDate(iso: date))
        #expect(day.isoWeekValue == expected)
    }

    @Test(
        "month shifts cross year boundaries",
        arguments: [
            (2025, 11, 1, 2025, 12),
            (2025, 12, 1, 2026, 1),
            (2025, 1, -1, 2024, 12),
            (2025, 3, -15, 2023, 12),
            (2025, 6, 0, 2025, 6),
        ])
    func monthShift(year: Int, month: Int, offset: Int, expectedYear: Int, expectedMonth: Int) {
        let shifted = ISOValue.shift(year: year, month: month, by: offset)
        #expect(shifted.year == expectedYear && shifted.month == expectedMonth)
    }

    @Test(
        "weekday resolution with each tense",
        arguments: [
            (4, Tense.unknown, "2025-11-06"),
            (1, Tense.past, "2025-11-03"),
            (1, Tense.future, "2025-11-10"),
            (1, Tense.unknown, "2025-11-03"),
            (6, Tense.unknown, "2025-11-08"),
            (5, Tense.past, "2025-10-31"),
        ])
    func weekday(weekday: Int, tense: Tense, expected: String) throws {
        let anchor = try #require(CalendarDate(iso: "2025-11-06"))
        #expect(TemporalResolver.weekday(weekday, shift: .none, anchor: anchor, tense: tense).description == expected)
    }
}
