/// Cypher's operators on ``QueryValue``s: three-valued logic, arithmetic that keeps integers integral
/// (truncating division, overflow an error) and promotes to float when either side is one, string and
/// list concatenation, and the string and list predicates. Each takes the operator's position for its
/// error messages.
enum Operators {
    /// Three-valued truth of a value in a boolean context: `nil` is null; a non-boolean is an error.
    static func truth(_ value: QueryValue, _ at: QueryPosition, _ what: String = "a condition") throws(QueryError) -> Bool? {
        switch value {
        case .bool(let truth): return truth
        case .null: return nil
        default: throw QueryError(.runtime, "\(what) must be a boolean, not \(value.typeName) \(value.literalText)", at: at)
        }
    }

    static func value(_ truth: Bool?) -> QueryValue { truth.map(QueryValue.bool) ?? .null }

    static func not(_ value: QueryValue, _ at: QueryPosition) throws(QueryError) -> QueryValue {
        Operators.value(try truth(value, at, "the operand of NOT").map { !$0 })
    }

    static func binary(_ op: BinaryOperator, _ lhs: QueryValue, _ rhs: QueryValue, _ at: QueryPosition) throws(QueryError) -> QueryValue {
        switch op {
        case .and, .or, .xor:
            let a = try truth(lhs, at, "the left operand of \(op.rawValue)")
            let b = try truth(rhs, at, "the right operand of \(op.rawValue)")
            switch op {
            case .and:
                if a == false || b == false { return .bool(false) }
                return a == nil || b == nil ? .null : .bool(true)
            case .or:
                if a == true || b == true { return .bool(true) }
                return a == nil || b == nil ? .null : .bool(false)
            default:
                guard let a, let b else { return .null }
                return .bool(a != b)
            }
        case .equal: return value(lhs.equals(rhs))
        case .notEqual: return value(lhs.equals(rhs).map { !$0 })
        case .less, .lessEqual, .greater, .greaterEqual:
            guard let order = lhs.compare(rhs) else { return .null }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .add, .subtract, .multiply, .divide, .modulo, .power:
            return try arithmetic(op, lhs, rhs, at)
        case .in:
            return try membership(lhs, rhs, at)
        case .startsWith, .endsWith, .contains:
            guard case .string(let text) = lhs, case .string(let part) = rhs else { return .null }
            switch op {
            case .startsWith: return .bool(text.utf8.starts(with: part.utf8))
            case .endsWith: return .bool(text.utf8.reversed().starts(with: part.utf8.reversed()))
            default: return .bool(part.isEmpty || text.utf8.firstRange(of: part.utf8) != nil)
            }
        }
    }

    /// `x IN list`: true when some element equals `x`; null when none does but some comparison was
    /// null (or `x` is null and the list is not empty); false otherwise.
    static func membership(_ element: QueryValue, _ list: QueryValue, _ at: QueryPosition) throws(QueryError) -> QueryValue {
        switch list {
        case .null: return .null
        case .list(let items):
            var unknown = false
            for item in items {
                switch element.equals(item) {
                case true?: return .bool(true)
                case nil: unknown = true
                case false?: break
                }
            }
            return unknown ? .null : .bool(false)
        default:
            throw QueryError(.runtime, "the right side of IN must be a list, not \(list.typeName)", at: at)
        }
    }

    private static func overflow(_ op: BinaryOperator, _ a: Int, _ b: Int, _ at: QueryPosition) -> QueryError {
        QueryError(.runtime, "integer overflow: \(a) \(op.rawValue) \(b) does not fit in 64 bits", at: at)
    }

    static func arithmetic(_ op: BinaryOperator, _ lhs: QueryValue, _ rhs: QueryValue, _ at: QueryPosition) throws(QueryError) -> QueryValue
    {
        switch (lhs, rhs) {
        case (.null, _), (_, .null):
            return .null
        case (.int(let a), .int(let b)):
            switch op {
            case .add:
                let (sum, over) = a.addingReportingOverflow(b)
                if over { throw overflow(op, a, b, at) }
                return .int(sum)
            case .subtract:
                let (difference, over) = a.subtractingReportingOverflow(b)
                if over { throw overflow(op, a, b, at) }
                return .int(difference)
            case .multiply:
                let (product, over) = a.multipliedReportingOverflow(by: b)
                if over { throw overflow(op, a, b, at) }
                return .int(product)
            case .divide, .modulo:
                if b == 0 { throw QueryError(.runtime, "integer division by zero", at: at) }
                let (result, over) = op == .divide ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
                if over { throw overflow(op, a, b, at) }
                return .int(result)
            default:
                return .double(pow(Double(a), Double(b)))
            }
        case (.int, .double), (.double, .int), (.double, .double):
            let a = lhs.asDouble!, b = rhs.asDouble!
            switch op {
            case .add: return .double(a + b)
            case .subtract: return .double(a - b)
            case .multiply: return .double(a * b)
            case .divide: return .double(a / b)
            case .modulo: return .double(fmod(a, b))
            default: return .double(pow(a, b))
            }
        case (.string(let a), .string(let b)) where op == .add:
            return .string(a + b)
        case (.string(let a), .int) where op == .add, (.string(let a), .double) where op == .add:
            return .string(a + rhs.displayText)
        case (.int, .string(let b)) where op == .add, (.double, .string(let b)) where op == .add:
            return .string(lhs.displayText + b)
        case (.list(let a), .list(let b)) where op == .add:
            return .list(a + b)
        case (.list(let a), _) where op == .add:
            return .list(a + [rhs])
        case (_, .list(let b)) where op == .add:
            return .list([lhs] + b)
        default:
            throw QueryError(.runtime, "cannot apply '\(op.rawValue)' to \(lhs.typeName) and \(rhs.typeName)", at: at)
        }
    }

    static func negate(_ value: QueryValue, _ at: QueryPosition) throws(QueryError) -> QueryValue {
        switch value {
        case .null: return .null
        case .int(let a):
            let (result, over) = Int(0).subtractingReportingOverflow(a)
            if over { throw QueryError(.runtime, "integer overflow: -(\(a)) does not fit in 64 bits", at: at) }
            return .int(result)
        case .double(let a): return .double(-a)
        default: throw QueryError(.runtime, "cannot negate \(value.typeName)", at: at)
        }
    }
}

extension QueryValue {
    var asDouble: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The value as plain text (strings unquoted), for concatenation and `toString`.
    var displayText: String {
        switch self {
        case .string(let value): value
        default: literalText
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
