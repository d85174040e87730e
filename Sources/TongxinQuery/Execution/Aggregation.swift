/// One aggregate call of a projection: `count(*)`, `count`, `sum`, `avg`, `min`, `max` or `collect`,
/// optionally over DISTINCT values.
///
/// openCypher's rules: every aggregate but `count(*)` skips nulls; over no values `count` is 0,
/// `sum` is 0, `collect` is `[]`, and `avg`, `min` and `max` are null. `sum` stays an integer while
/// every value is one (overflow is an error) and becomes a float otherwise; `avg` is a float;
/// `min` and `max` follow the global sort order (so over mixed types a string is below a number).
struct AggregateSpec {
    enum Function: String {
        case countStar = "count(*)", count, sum, avg, min, max, collect
    }

    var function: Function
    var distinct: Bool
    var argument: Eval?
    var position: QueryPosition

    /// The state of one aggregate for one group.
    enum State {
        case count(Int)
        case sum(integer: Int, float: Double, isFloat: Bool)
        case average(sum: Double, count: Int)
        case extreme(QueryValue)
        case collect([QueryValue])
    }

    var initial: State {
        switch function {
        case .countStar, .count: .count(0)
        case .sum: .sum(integer: 0, float: 0, isFloat: false)
        case .avg: .average(sum: 0, count: 0)
        case .min, .max: .extreme(.null)
        case .collect: .collect([])
        }
    }

    /// Folds `row` into `state`; `seen` holds the distinct values met so far when DISTINCT.
    func update(_ state: inout State, _ seen: inout Set<QueryValue>, _ row: [QueryValue]) throws(QueryError) {
        guard let argument else {
            if case .count(let count) = state { state = .count(count + 1) }
            return
        }
        let value = try argument(row)
        if value.isNull { return }
        if distinct && !seen.insert(value).inserted { return }
        switch state {
        case .count(let count):
            state = .count(count + 1)
        case .sum(let integer, let float, let isFloat):
            switch value {
            case .int(let number):
                let (total, overflow) = integer.addingReportingOverflow(number)
                if overflow { throw QueryError(.runtime, "integer overflow in sum(): the total does not fit in 64 bits", at: position) }
                state = .sum(integer: total, float: float, isFloat: isFloat)
            case .double(let number):
                state = .sum(integer: integer, float: float + number, isFloat: true)
            default:
                throw QueryError(.runtime, "sum() needs numbers, not \(value.typeName) \(value.literalText)", at: position)
            }
        case .average(let sum, let count):
            guard let number = value.asDouble else {
                throw QueryError(.runtime, "avg() needs numbers, not \(value.typeName) \(value.literalText)", at: position)
            }
            state = .average(sum: sum + number, count: count + 1)
        case .extreme(let best):
            let order = value.orderCompare(best)
            if best.isNull || (function == .min ? order < 0 : order > 0) { state = .extreme(value) }
        case .collect(var values):
            state = .collect([])
            values.append(value)
            state = .collect(values)
        }
    }

    func result(_ state: State) -> QueryValue {
        switch state {
        case .count(let count): .int(count)
        case .sum(let integer, let float, let isFloat): isFloat ? .double(Double(integer) + float) : .int(integer)
        case .average(let sum, let count): count == 0 ? .null : .double(sum / Double(count))
        case .extreme(let value): value
        case .collect(let values): .list(values)
        }
    }
}
