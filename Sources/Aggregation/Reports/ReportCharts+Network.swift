import Foundation

extension ReportCharts {
    /// The most-mentioned entities on a circle, sized by mentions, joined by co-mentions.
    static func network(_ report: Report) -> String {
        let nodes = ReportSummary.ranked(report.entities, limit: networkNodes)
        guard nodes.count >= 2 else { return "<p class=\"empty\">Too few entities for a network.</p>" }
        let (width, height, radius) = (960.0, 660.0, 230.0)
        let (centerX, centerY) = (width / 2, height / 2)
        var position: [String: (x: Double, y: Double, angle: Double)] = [:]
        for (index, node) in nodes.enumerated() {
            let angle = 2 * Double.pi * Double(index) / Double(nodes.count) - Double.pi / 2
            position[node.id] = (centerX + radius * cos(angle), centerY + radius * sin(angle), angle)
        }
        let links = report.links.filter { position[$0.source] != nil && position[$0.target] != nil }
            .prefix(networkLinks)
        let heaviest = Double(links.first?.weight ?? 1)
        let busiest = Double(nodes.first?.mentions ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"network-chart\" role=\"img\" "
        svg += "aria-label=\"Entity co-occurrence network\" width=\"\(HTMLText.number(width))\" "
        svg +=
            "height=\"\(HTMLText.number(height))\" viewBox=\"0 0 \(HTMLText.number(width)) \(HTMLText.number(height))\">\n"
        for link in links.reversed() {
            guard let from = position[link.source], let to = position[link.target] else { continue }
            let strength = Double(link.weight) / heaviest
            svg += "<line x1=\"\(HTMLText.number(from.x))\" y1=\"\(HTMLText.number(from.y))\" "
            svg += "x2=\"\(HTMLText.number(to.x))\" y2=\"\(HTMLText.number(to.y))\" stroke=\"#7b8794\" "
            svg += "stroke-opacity=\"\(HTMLText.number(0.2 + 0.6 * strength))\" "
            svg += "stroke-width=\"\(HTMLText.number(1 + 5 * strength))\"><title>"
            svg += HTMLText.escape("\(name(link.source, report)) – \(name(link.target, report)): \(link.weight)")
            svg += "</title></line>\n"
        }
        for node in nodes {
            guard let spot = position[node.id] else { continue }
            svg += circle(node, at: spot, size: 6 + 16 * (Double(node.mentions) / busiest).squareRoot())
        }
        svg += "</svg>\n"
        let legend = ReportSummary.typeTitles.map { type, title in
            "<span><span class=\"dot t-\(type)\"></span>\(title)</span>"
        }
        let caption =
            "<span>Top \(nodes.count) entities by mentions; lines join entities mentioned within "
            + "\(Merger.passage) characters of each other, thicker = more often.</span>"
        return svg + "<div class=\"legend\">\(legend.joined())\(caption)</div>"
    }

    private static func circle(_ node: Report.EntityEntry, at spot: (x: Double, y: Double, angle: Double), size: Double)
        -> String
    {
        let color = ReportHTMLStyle.typeColors[node.type] ?? "#9aa5b1"
        let labelX = spot.x + (size + 6) * cos(spot.angle)
        let labelY = spot.y + (size + 6) * sin(spot.angle) + 4
        let anchor = abs(cos(spot.angle)) < 0.2 ? "middle" : (cos(spot.angle) > 0 ? "start" : "end")
        var svg = "<circle cx=\"\(HTMLText.number(spot.x))\" cy=\"\(HTMLText.number(spot.y))\" "
        svg += "r=\"\(HTMLText.number(size))\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"2\"><title>"
        svg += HTMLText.escape("\(node.name) (\(node.type)): \(node.mentions) mentions") + "</title></circle>"
        svg += "<text x=\"\(HTMLText.number(labelX))\" y=\"\(HTMLText.number(labelY))\" font-size=\"12\" "
        svg +=
            "text-anchor=\"\(anchor)\" fill=\"#1d2733\">\(HTMLText.escape(ReportSummary.shorten(node.name, to: 28)))</text>\n"
        return svg
    }

    private static func name(_ id: String, _ report: Report) -> String {
        report.entity(id)?.name ?? id
    }
}
