/// One setting's value, already checked against its ``ConfigKind``.
enum ConfigValue: Hashable, Sendable, CustomStringConvertible {
    /// Text: endpoints, paths, names.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// Several texts (endpoints, key paths).
    case list([String])

    /// The value as text (a list joined with commas, as in the environment).
    var description: String {
        switch self {
        case .text(let text): text
        case .integer(let number): "\(number)"
        case .list(let items): items.joined(separator: ",")
        }
    }

    /// The number, when the value is a whole number.
    var integer: Int? {
        guard case .integer(let number) = self else { return nil }
        return number
    }

    /// The value as YAML, for `config show`.
    var yaml: String {
        switch self {
        case .text(let text): Self.quoted(text)
        case .integer(let number): "\(number)"
        case .list(let items): "[" + items.map(Self.quoted).joined(separator: ", ") + "]"
        }
    }

    private static func quoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "./_-".contains($0) }
        return plain && !text.isEmpty ? text : "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
