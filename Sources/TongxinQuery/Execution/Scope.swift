/// The variables visible at one point of a query and the row slot each occupies. A scope lives
/// from one projection (WITH) to the next; every row flowing through it has ``width`` slots, unbound
/// ones null.
final class Scope {
    enum Kind: String {
        case node
        case relationship
        /// A variable-length relationship: a list of relationships.
        case relationships
        case path
        case value
    }

    struct Variable {
        var slot: Int
        var kind: Kind
    }

    private(set) var variables: [String: Variable] = [:]
    /// The visible variable names in declaration order.
    private(set) var names: [String] = []
    private(set) var width = 0

    func lookup(_ name: String) -> Variable? { variables[name] }

    /// Declares `name` in a new slot; an invisible name (an anonymous pattern element's) is left
    /// out of ``names``, so `RETURN *` does not return it.
    @discardableResult
    func declare(_ name: String, _ kind: Kind, visible: Bool = true) -> Int {
        let slot = width
        width += 1
        variables[name] = Variable(slot: slot, kind: kind)
        if visible { names.append(name) }
        return slot
    }

    /// Makes `name` refer to an existing slot (ORDER BY's view of a projection's input).
    func alias(_ name: String, slot: Int, _ kind: Kind) {
        variables[name] = Variable(slot: slot, kind: kind)
        width = max(width, slot + 1)
    }

    /// Grows the scope to at least `width` slots.
    func reserve(width: Int) {
        self.width = max(self.width, width)
    }

    /// A slot with no name, for anonymous pattern elements and scratch values.
    func hiddenSlot() -> Int {
        width += 1
        return width - 1
    }

    /// Binds `name` to an existing hidden slot for the duration of `body` (list comprehensions).
    func withLocal<T>(_ name: String, slot: Int, _ body: () throws(QueryError) -> T) throws(QueryError) -> T {
        let saved = variables[name]
        variables[name] = Variable(slot: slot, kind: .value)
        defer { variables[name] = saved }
        return try body()
    }
}
