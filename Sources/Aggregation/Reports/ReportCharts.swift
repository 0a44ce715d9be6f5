import Foundation

/// Inline SVG charts for `report.html`, laid out deterministically.
enum ReportCharts {
    /// Most entities drawn in the network.
    static let networkNodes = 30
    /// Most links drawn in the network.
    static let networkLinks = 120

    /// Most bars in the timeline: beyond it, days are grouped by month, then months by year.
    static let timelineBars = 60

    /// Bars of events per date (or month, or year, when there are many), stacked by CAMEO quad class.
    static func timeline(_ report: Report) -> String {
        // Counted once per date value; days are then grouped into months, months into years, from
        // those counts (a few hundred dates), not from the events again (tens of thousands).
        var byValue: [String: [Int]] = [:]
        for event in report.events {
            guard let date = event.date else { continue }
            byValue[date, default: Array(repeating: 0, count: 5)][min(max(event.quadClass, 0), 4)] += 1
        }
        var byDate: [String: [Int]] = [:]
        for prefix in [10, 7, 4] {
            byDate = [:]
            for (date, counts) in byValue {
                byDate[String(date.prefix(prefix)), default: Array(repeating: 0, count: 5)].add(counts)
            }
            if byDate.count <= timelineBars { break }
        }
        let undated = report.events.count - byDate.values.reduce(0) { $0 + $1.reduce(0, +) }
        guard !byDate.isEmpty else {
            let note = undated > 0 ? " (\(undated) undated)" : ""
            return "<p class=\"empty\">No dated events to chart\(note).</p>"
        }
        let dates = byDate.keys.sorted()
        let peak = max(1, byDate.values.map { $0.reduce(0, +) }.max() ?? 1)
        let (left, top, plotHeight) = (48.0, 16.0, 220.0)
        let slot = max(14, min(140, 1040 / Double(dates.count)))
        let width = left + slot * Double(dates.count) + 16
        let height = top + plotHeight + 90
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline-chart\" role=\"img\" "
        svg +=
            "aria-label=\"Events per date\" width=\"\(HTMLText.number(width))\" height=\"\(HTMLText.number(height))\" "
        svg += "viewBox=\"0 0 \(HTMLText.number(width)) \(HTMLText.number(height))\">\n"
        for tick in ticks(peak) {
            let y = top + plotHeight - plotHeight * Double(tick) / Double(peak)
            svg +=
                "<line x1=\"\(HTMLText.number(left))\" x2=\"\(HTMLText.number(width - 8))\" y1=\"\(HTMLText.number(y))\" "
            svg += "y2=\"\(HTMLText.number(y))\" stroke=\"#e3e8ee\"/>"
            svg += "<text x=\"\(HTMLText.number(left - 6))\" y=\"\(HTMLText.number(y + 4))\" font-size=\"11\" "
            svg += "text-anchor=\"end\" fill=\"#5f6b7a\">\(tick)</text>\n"
        }
        let labelEvery = max(1, Int((24 / slot).rounded(.up)))
        for (index, date) in dates.enumerated() {
            svg += bar(
                date: date, counts: byDate[date] ?? [], index: index, slot: slot, peak: peak, left: left, top: top,
                plotHeight: plotHeight, label: index % labelEvery == 0)
        }
        svg += "</svg>\n"
        let names = ["unknown", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
        let legend = names.enumerated().map { index, name in
            "<span><span class=\"dot\" style=\"background:\(ReportHTMLStyle.quadColors[index])\"></span>\(name)</span>"
        }
        let note = undated > 0 ? "<span>\(undated) undated event\(undated == 1 ? "" : "s") not shown</span>" : ""
        return svg + "<div class=\"legend\">\(legend.joined())\(note)</div>"
    }

    private static func bar(
        date: String, counts: [Int], index: Int, slot: Double, peak: Int, left: Double, top: Double,
        plotHeight: Double, label: Bool
    ) -> String {
        let barWidth = min(slot * 0.7, 44)
        let x = left + slot * Double(index) + (slot - barWidth) / 2
        var base = top + plotHeight
        var svg = ""
        for (quad, count) in counts.enumerated() where count > 0 {
            let height = plotHeight * Double(count) / Double(peak)
            base -= height
            svg +=
                "<rect x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(base))\" width=\"\(HTMLText.number(barWidth))\" "
            svg += "height=\"\(HTMLText.number(height))\" fill=\"\(ReportHTMLStyle.quadColors[quad])\">"
            svg += "<title>\(HTMLText.escape(date)): \(count) event\(count == 1 ? "" : "s")</title></rect>"
        }
        if label {
            let labelX = x + barWidth / 2
            let labelY = top + plotHeight + 12
            svg +=
                "<text x=\"\(HTMLText.number(labelX))\" y=\"\(HTMLText.number(labelY))\" font-size=\"11\" fill=\"#1d2733\" "
            svg +=
                "text-anchor=\"end\" transform=\"rotate(-45 \(HTMLText.number(labelX)) \(HTMLText.number(labelY)))\">"
            svg += "\(HTMLText.escape(date))</text>"
        }
        return svg + "\n"
    }

    private static func ticks(_ peak: Int) -> [Int] {
        let step = max(1, Int((Double(peak) / 4).rounded(.up)))
        return Array(stride(from: 0, through: peak, by: step))
    }
}

extension [Int] {
    /// Adds `other` element by element (same length).
    fileprivate mutating func add(_ other: [Int]) {
        for index in indices where index < other.count { self[index] += other[index] }
    }
}
