/// A stage of a query's pipeline: receives rows one at a time, then `finish()` once.
class Stage {
    var next: Stage?

    func push(_ row: [QueryValue]) throws(QueryError) {}
    func finish() throws(QueryError) { try next?.finish() }
}

/// MATCH and OPTIONAL MATCH: extends each row by each match of the pattern; OPTIONAL passes a row
/// with no match on unchanged (its new variables null).
final class MatchStage: Stage {
    let matcher: Matcher
    let optional: Bool
    let budget: ExecutionBudget
    let position: QueryPosition

    init(matcher: Matcher, optional: Bool, budget: ExecutionBudget, position: QueryPosition) {
        self.matcher = matcher
        self.optional = optional
        self.budget = budget
        self.position = position
    }

    override func push(_ row: [QueryValue]) throws(QueryError) {
        var matched = false
        let next = self.next!, budget = self.budget, position = self.position
        try matcher.run(row) { (match) throws(QueryError) in
            matched = true
            try budget.spendRow(position)
            try next.push(match)
        }
        if optional && !matched { try next.push(row) }
    }
}

/// UNWIND: one row per element of a list (none for null or an empty list; a single row for a
/// non-list value).
final class UnwindStage: Stage {
    let list: Eval
    let slot: Int

    init(list: @escaping Eval, slot: Int) {
        self.list = list
        self.slot = slot
    }

    override func push(_ row: [QueryValue]) throws(QueryError) {
        var extended = row
        switch try list(row) {
        case .null: return
        case .list(let items):
            for item in items {
                extended[slot] = item
                try next!.push(extended)
            }
        case let value:
            extended[slot] = value
            try next!.push(extended)
        }
    }
}

/// WITH and RETURN: computes the projected columns (grouping and aggregating when an item holds an
/// aggregate), removes duplicates for DISTINCT, sorts, skips, limits, filters (WITH … WHERE) and
/// passes rows of the next scope on, or collects them as the result.
///
/// - Complexity: O(R) per row for R items, plus O(G) hashing for grouping, plus O(N log N) for
///   ORDER BY over N projected rows.
final class ProjectionStage: Stage {
    struct Ordering {
        var key: Eval
        var ascending: Bool
    }

    /// Item evaluators: on the input row, or (aggregating) on the group's first row followed by
    /// the aggregate results.
    var items: [Eval] = []
    /// Grouping keys (the non-aggregating items), when aggregating.
    var keys: [Eval] = []
    var aggregates: [AggregateSpec] = []
    var aggregating = false
    var distinct = false
    var order: [Ordering] = []
    /// Whether ORDER BY reads the input row too (after the projected values).
    var orderSeesInput = false
    var skip = 0
    var limit: Int?
    var filter: (Eval, QueryPosition)?
    /// The scope rows are passed on in (WITH); `nil` for RETURN, whose rows are collected.
    var nextScope: Scope?
    var inputWidth = 0
    private(set) var results: [[QueryValue]] = []

    @exclusivity(unchecked) private var buffered: [[QueryValue]] = []
    @exclusivity(unchecked) private var seen = Set<[QueryValue]>()
    @exclusivity(unchecked) private var groups: [[QueryValue]: Int] = [:]
    @exclusivity(unchecked) private var representatives: [[QueryValue]] = []
    @exclusivity(unchecked) private var states: [AggregateSpec.State] = []
    @exclusivity(unchecked) private var distinctSeen: [Set<QueryValue>] = []
    private var emitted = 0
    private var skipped = 0

    private var isStreaming: Bool { !aggregating && order.isEmpty }

    override func push(_ row: [QueryValue]) throws(QueryError) {
        if aggregating {
            var key: [QueryValue] = []
            key.reserveCapacity(keys.count)
            for eval in keys { key.append(try eval(row)) }
            let group: Int
            if let existing = groups[key] {
                group = existing
            } else {
                group = representatives.count
                groups[key] = group
                representatives.append(row)
                for aggregate in aggregates { states.append(aggregate.initial); distinctSeen.append([]) }
            }
            let base = group * aggregates.count
            for (index, aggregate) in aggregates.enumerated() {
                try aggregate.update(&states[base + index], &distinctSeen[base + index], row)
            }
            return
        }
        var values: [QueryValue] = []
        values.reserveCapacity(items.count)
        for item in items { values.append(try item(row)) }
        if distinct && !seen.insert(values).inserted { return }
        if isStreaming {
            try emit(values)
        } else {
            buffered.append(orderSeesInput ? values + row : values)
        }
    }

    private func emit(_ values: [QueryValue]) throws(QueryError) {
        if skipped < skip {
            skipped += 1
            return
        }
        if let limit, emitted >= limit { return }
        emitted += 1
        guard let nextScope else {
            results.append(values)
            return
        }
        var row = values
        if nextScope.width > row.count { row += [QueryValue](repeating: .null, count: nextScope.width - row.count) }
        if let (predicate, at) = filter, try Operators.truth(try predicate(row), at, "a WHERE condition") != true { return }
        try next!.push(row)
    }

    override func finish() throws(QueryError) {
        if aggregating {
            if representatives.isEmpty && keys.isEmpty {
                representatives.append([QueryValue](repeating: .null, count: inputWidth))
                for aggregate in aggregates { states.append(aggregate.initial); distinctSeen.append([]) }
            }
            for (group, representative) in representatives.enumerated() {
                var row = representative
                for (index, aggregate) in aggregates.enumerated() {
                    row.append(aggregate.result(states[group * aggregates.count + index]))
                }
                var values: [QueryValue] = []
                for item in items { values.append(try item(row)) }
                if distinct && !seen.insert(values).inserted { continue }
                if order.isEmpty { try emit(values) } else { buffered.append(values) }
            }
        }
        if !order.isEmpty {
            var keyed: [(keys: [QueryValue], row: [QueryValue])] = []
            keyed.reserveCapacity(buffered.count)
            for row in buffered {
                var keys: [QueryValue] = []
                for ordering in order { keys.append(try ordering.key(row)) }
                keyed.append((keys, row))
            }
            let order = self.order
            // A stable merge sort keeps ties in input order, so results are deterministic.
            let sorted = keyed.enumerated().sorted { a, b in
                for (index, ordering) in order.enumerated() {
                    let comparison = a.element.keys[index].orderCompare(b.element.keys[index])
                    if comparison != 0 { return ordering.ascending ? comparison < 0 : comparison > 0 }
                }
                return a.offset < b.offset
            }
            for entry in sorted { try emit(Array(entry.element.row.prefix(items.count))) }
        }
        try next?.finish()
    }
}
