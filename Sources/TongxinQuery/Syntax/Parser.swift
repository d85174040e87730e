/// A recursive-descent parser for Tongxin's read-only Cypher subset (openCypher 9 grammar, reading
/// clauses only: MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN), producing a ``QueryAST``.
///
/// Expression precedence, loosest first, as in openCypher: `OR`, `XOR`, `AND`, `NOT`, comparisons
/// (`= <> < <= > >=`), `IN` / `STARTS WITH` / `ENDS WITH` / `CONTAINS` / `IS [NOT] NULL`, `+ -`,
/// `* / %`, `^`, unary `+ -`, then property access and subscripts.
///
/// - Complexity: O(n) in the number of tokens (one token of lookahead, two for arrows).
/// - Throws: ``QueryError`` (syntax) at the first token that cannot continue the query, naming what
///   was expected.
struct Parser {
    private let tokens: [Token]
    private let scalars: [Unicode.Scalar]
    private var index = 0
    /// Whether the query began with `EXPLAIN`.
    private(set) var explain = false
    /// The expression tree's depth so far on the current parse path (see ``maximumNesting``).
    private var nesting = 0
    /// Node and relationship patterns read so far in the whole query (see ``maximumPatternElements``).
    private var patternElements = 0

    /// How deep one expression may nest: every nested sub-expression (parenthesis, list, map, call
    /// argument, `CASE` branch), every `NOT` or sign prefix, every postfix step, and every operator
    /// chained at one level (`a + b + c`, while its right operands are read) counts one. The bound
    /// keeps this parser, and the compiler and executor that walk the tree it builds (never deeper
    /// than this count), from recursing without end on hostile input — a few thousand nested
    /// parentheses would otherwise overflow the stack. A level costs about 13 parser frames (1.5–2.4
    /// KB each in a debug build under AddressSanitizer, which overflowed a test thread at 500
    /// levels); 200 levels fit 8 MB there and about 400 KB in a release build.
    static let maximumNesting = 200

    /// How many clauses one query may hold: the executor chains one stage per clause and calls
    /// through them recursively, so thousands of `WITH` clauses would overflow the stack.
    static let maximumClauses = 256

    /// How many node and relationship patterns one query may hold, over all its `MATCH` clauses:
    /// the matcher recurses once per pattern element.
    static let maximumPatternElements = 256

    /// The largest upper bound of a variable-length relationship (`*..n`): the matcher's
    /// depth-first expansion and its shortest-path unwinding recurse once per hop.
    static let maximumHops = 256

    static let reserved: Set<String> = [
        "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "AS", "ORDER", "BY", "SKIP", "LIMIT",
        "DISTINCT", "AND", "OR", "XOR", "NOT", "IN", "STARTS", "ENDS", "CONTAINS", "IS", "NULL", "TRUE",
        "FALSE", "CASE", "WHEN", "THEN", "ELSE", "END", "ASC", "DESC", "ASCENDING", "DESCENDING",
        "CREATE", "DELETE", "DETACH", "SET", "MERGE", "REMOVE", "CALL", "UNION", "FOREACH", "LOAD"
    ]
    static let writing: Set<String> = ["CREATE", "DELETE", "DETACH", "SET", "MERGE", "REMOVE", "FOREACH", "LOAD"]

    init(_ text: String) throws(QueryError) {
        tokens = try Lexer.tokenize(text)
        scalars = Array(text.unicodeScalars)
    }

    /// Parses a whole query: `[EXPLAIN] clause+ [;]`, ending with RETURN.
    static func parse(_ text: String) throws(QueryError) -> (QueryAST, explain: Bool) {
        var parser = try Parser(text)
        let ast = try parser.query()
        return (ast, parser.explain)
    }

    // MARK: Tokens

    /// Whether every token has been read (an optional `;` aside).
    var atEnd: Bool { current.kind == .end || (isSymbol(";") && tokens[index + 1].kind == .end) }

    private var current: Token { tokens[index] }
    private var position: QueryPosition { current.position }

    private func peekKeyword(_ ahead: Int = 0) -> String? {
        let at = min(index + ahead, tokens.count - 1)
        if case .identifier(let name) = tokens[at].kind { return name.uppercased() }
        return nil
    }

    private func isKeyword(_ keyword: String, ahead: Int = 0) -> Bool { peekKeyword(ahead) == keyword }

    private func isSymbol(_ symbol: String, ahead: Int = 0) -> Bool {
        let at = min(index + ahead, tokens.count - 1)
        return tokens[at].kind == .symbol(symbol)
    }

    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private mutating func acceptKeyword(_ keyword: String) -> Bool {
        guard isKeyword(keyword) else { return false }
        advance()
        return true
    }

    private mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        advance()
        return true
    }

    /// Goes one level deeper into the expression tree, or fails at the token where the bound is passed.
    private mutating func deepen() throws(QueryError) {
        nesting += 1
        guard nesting <= Parser.maximumNesting else {
            throw QueryError(.syntax, "expression nested too deeply (more than \(Parser.maximumNesting) levels)", at: position)
        }
    }

    private func fail(_ expected: String) -> QueryError {
        QueryError(.syntax, "expected \(expected), found \(current.display)", at: position)
    }

    private mutating func expectKeyword(_ keyword: String) throws(QueryError) {
        guard acceptKeyword(keyword) else { throw fail(keyword) }
    }

    private mutating func expectSymbol(_ symbol: String) throws(QueryError) {
        guard acceptSymbol(symbol) else { throw fail("'\(symbol)'") }
    }

    /// A name: a non-reserved identifier or a backtick-quoted one.
    private mutating func name(_ what: String) throws(QueryError) -> String {
        switch current.kind {
        case .identifier(let name) where !Parser.reserved.contains(name.uppercased()):
            advance()
            return name
        case .quotedIdentifier(let name):
            advance()
            return name
        case .identifier(let name):
            throw QueryError(.syntax, "expected \(what), found keyword '\(name)'", at: position)
        default:
            throw fail(what)
        }
    }

    /// A label, relationship kind or property key: any identifier, reserved words included.
    private mutating func symbolicName(_ what: String) throws(QueryError) -> String {
        switch current.kind {
        case .identifier(let name), .quotedIdentifier(let name):
            advance()
            return name
        default:
            throw fail(what)
        }
    }

    private var isVariableStart: Bool {
        switch current.kind {
        case .identifier(let name): !Parser.reserved.contains(name.uppercased())
        case .quotedIdentifier: true
        default: false
        }
    }

    private func text(from start: QueryPosition) -> String {
        let end = tokens[max(index - 1, 0)].end
        guard end > start.offset else { return "" }
        return String(String.UnicodeScalarView(scalars[start.offset..<end]))
    }

    // MARK: Clauses

    private mutating func query() throws(QueryError) -> QueryAST {
        if acceptKeyword("EXPLAIN") { explain = true }
        var clauses: [Clause] = []
        while true {
            if current.kind == .end || isSymbol(";") { break }
            let start = position
            guard clauses.count < Parser.maximumClauses else {
                throw QueryError(.syntax, "too many clauses (more than \(Parser.maximumClauses))", at: start)
            }
            if let keyword = peekKeyword(), Parser.writing.contains(keyword) {
                throw QueryError(.syntax, "queries are read-only: \(keyword) is not supported", at: start)
            }
            if isKeyword("UNION") || isKeyword("CALL") {
                throw QueryError(.syntax, "\(peekKeyword()!) is not supported", at: start)
            }
            if case .return? = clauses.last {
                throw QueryError(.syntax, "RETURN must be the last clause; found \(current.display) after it", at: start)
            }
            if acceptKeyword("OPTIONAL") {
                guard isKeyword("MATCH") else { throw fail("MATCH after OPTIONAL") }
                advance()
                clauses.append(.match(try match(optional: true, start: start)))
            } else if acceptKeyword("MATCH") {
                clauses.append(.match(try match(optional: false, start: start)))
            } else if acceptKeyword("UNWIND") {
                let list = try expression()
                try expectKeyword("AS")
                let variablePosition = position
                clauses.append(.unwind(list, variable: try name("a variable name"), position: variablePosition))
            } else if acceptKeyword("WITH") {
                let projection = try projection(start: start, isReturn: false)
                let predicate = acceptKeyword("WHERE") ? try expression() : nil
                clauses.append(.with(projection, where: predicate))
            } else if acceptKeyword("RETURN") {
                clauses.append(.return(try projection(start: start, isReturn: true)))
            } else {
                throw fail(clauses.isEmpty ? "MATCH, UNWIND, WITH or RETURN" : "a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN)")
            }
        }
        _ = acceptSymbol(";")
        guard current.kind == .end else { throw fail("end of query after ';'") }
        guard case .return? = clauses.last else {
            throw QueryError(.syntax, "a query must end with RETURN", at: position)
        }
        return QueryAST(clauses: clauses)
    }

    private mutating func match(optional: Bool, start: QueryPosition) throws(QueryError) -> MatchClause {
        var patterns = [try patternPart()]
        while acceptSymbol(",") { patterns.append(try patternPart()) }
        let predicate = acceptKeyword("WHERE") ? try expression() : nil
        return MatchClause(optional: optional, patterns: patterns, predicate: predicate, position: start)
    }

    private mutating func projection(start: QueryPosition, isReturn: Bool) throws(QueryError) -> Projection {
        let distinct = acceptKeyword("DISTINCT")
        var star = false
        var items: [Projection.Item] = []
        if acceptSymbol("*") {
            star = true
        }
        if !star || isSymbol(",") {
            if star { advance() }
            repeat {
                let itemStart = position
                let expr = try expression()
                let written = text(from: itemStart)
                if acceptKeyword("AS") {
                    items.append(.init(expr: expr, name: try name("an alias after AS"), hasAlias: true))
                } else {
                    if !isReturn, case .variable = expr {
                    } else if !isReturn {
                        throw QueryError(.semantic, "an expression in WITH must be aliased (add AS name)", at: itemStart)
                    }
                    items.append(.init(expr: expr, name: written, hasAlias: false))
                }
            } while acceptSymbol(",")
        }
        var order: [(Expr, ascending: Bool)] = []
        if acceptKeyword("ORDER") {
            try expectKeyword("BY")
            repeat {
                let expr = try expression()
                var ascending = true
                if acceptKeyword("DESC") || acceptKeyword("DESCENDING") {
                    ascending = false
                } else if acceptKeyword("ASC") || acceptKeyword("ASCENDING") {
                    ascending = true
                }
                order.append((expr, ascending))
            } while acceptSymbol(",")
        }
        let skip = acceptKeyword("SKIP") ? try expression() : nil
        let limit = acceptKeyword("LIMIT") ? try expression() : nil
        return Projection(distinct: distinct, star: star, items: items, order: order, skip: skip, limit: limit, position: start)
    }

    // MARK: Patterns

    private mutating func patternPart() throws(QueryError) -> PatternPart {
        let start = position
        var pathVariable: String?
        if isVariableStart && isSymbol("=", ahead: 1) {
            pathVariable = try name("a path variable")
            advance()
        }
        var shortest = PatternPart.Shortest.none
        if isSymbol("(", ahead: 1), let keyword = peekKeyword(), keyword == "SHORTESTPATH" || keyword == "ALLSHORTESTPATHS" {
            shortest = keyword == "SHORTESTPATH" ? .one : .all
            advance()
            advance()
        }
        var part = try patternElement(start: start)
        part.pathVariable = pathVariable
        part.shortest = shortest
        if shortest != .none {
            try expectSymbol(")")
            guard part.relationships.count == 1 else {
                throw QueryError(.syntax, "shortestPath needs exactly one relationship: (a)-[*]-(b)", at: start)
            }
        }
        return part
    }

    private mutating func patternElement(start: QueryPosition) throws(QueryError) -> PatternPart {
        var nodes = [try nodePattern()]
        var relationships: [RelationshipPattern] = []
        while isSymbol("-") || (isSymbol("<") && isSymbol("-", ahead: 1)) {
            relationships.append(try relationshipPattern())
            nodes.append(try nodePattern())
        }
        return PatternPart(pathVariable: nil, shortest: .none, nodes: nodes, relationships: relationships, position: start)
    }

    /// Counts one more node or relationship pattern, or fails at it when the query holds too many.
    private mutating func countPatternElement() throws(QueryError) {
        patternElements += 1
        guard patternElements <= Parser.maximumPatternElements else {
            throw QueryError(
                .syntax, "too many node and relationship patterns (more than \(Parser.maximumPatternElements))",
                at: position)
        }
    }

    private mutating func nodePattern() throws(QueryError) -> NodePattern {
        try countPatternElement()
        let start = position
        try expectSymbol("(")
        let variable = isVariableStart ? try name("a variable") : nil
        var labels: [String] = []
        while acceptSymbol(":") { labels.append(try symbolicName("a label (node kind)")) }
        let properties = isSymbol("{") ? try propertyMap() : []
        if isKeyword("WHERE") {
            throw QueryError(.syntax, "a WHERE inside a node pattern is not supported: move it after the pattern", at: position)
        }
        try expectSymbol(")")
        return NodePattern(variable: variable, labels: labels, properties: properties, position: start)
    }

    private mutating func relationshipPattern() throws(QueryError) -> RelationshipPattern {
        try countPatternElement()
        let start = position
        let leftArrow = acceptSymbol("<")
        try expectSymbol("-")
        var variable: String?
        var kinds: [String] = []
        var properties: [(String, Expr)] = []
        var length: (min: Int, max: Int?)?
        if acceptSymbol("[") {
            variable = isVariableStart ? try name("a variable") : nil
            if acceptSymbol(":") {
                kinds.append(try symbolicName("a relationship kind"))
                while acceptSymbol("|") {
                    _ = acceptSymbol(":")
                    kinds.append(try symbolicName("a relationship kind after '|'"))
                }
            }
            if isSymbol("*") { length = try variableLength() }
            if isSymbol("{") { properties = try propertyMap() }
            try expectSymbol("]")
            try expectSymbol("-")
        } else {
            try expectSymbol("-")
        }
        let rightArrow = acceptSymbol(">")
        let direction: Direction = leftArrow == rightArrow ? .either : (rightArrow ? .outgoing : .incoming)
        return RelationshipPattern(
            variable: variable, kinds: kinds, properties: properties, direction: direction,
            length: length, position: start)
    }

    private mutating func variableLength() throws(QueryError) -> (min: Int, max: Int?) {
        let star = position
        advance()
        func bound() throws(QueryError) -> Int? {
            guard case .integer(let value) = current.kind else { return nil }
            guard value <= Parser.maximumHops else {
                throw QueryError(
                    .syntax, "a variable-length relationship spans at most \(Parser.maximumHops) hops, not \(value)",
                    at: position)
            }
            advance()
            return value
        }
        let low = try bound()
        var result: (min: Int, max: Int?)
        if acceptSymbol("..") {
            result = (low ?? 1, try bound())
        } else {
            result = low.map { ($0, $0) } ?? (1, nil)
        }
        if let max = result.max, max < result.min {
            throw QueryError(.syntax, "variable-length bounds *\(result.min)..\(max): the upper bound is below the lower one", at: star)
        }
        return result
    }

    private mutating func propertyMap() throws(QueryError) -> [(String, Expr)] {
        try expectSymbol("{")
        var pairs: [(String, Expr)] = []
        if acceptSymbol("}") { return pairs }
        repeat {
            let keyPosition = position
            let key = try symbolicName("a property name")
            if pairs.contains(where: { $0.0 == key }) {
                throw QueryError(.syntax, "property '\(key)' is given twice", at: keyPosition)
            }
            try expectSymbol(":")
            pairs.append((key, try expression()))
        } while acceptSymbol(",")
        try expectSymbol("}")
        return pairs
    }

    // MARK: Expressions

    mutating func expression() throws(QueryError) -> Expr {
        try deepen()
        defer { nesting -= 1 }
        return try orExpression()
    }

    private mutating func orExpression() throws(QueryError) -> Expr {
        var lhs = try xorExpression()
        var chain = 0
        defer { nesting -= chain }
        while isKeyword("OR") {
            let at = position
            advance()
            try deepen()
            chain += 1
            lhs = .binary(.or, lhs, try xorExpression(), at)
        }
        return lhs
    }

    private mutating func xorExpression() throws(QueryError) -> Expr {
        var lhs = try andExpression()
        var chain = 0
        defer { nesting -= chain }
        while isKeyword("XOR") {
            let at = position
            advance()
            try deepen()
            chain += 1
            lhs = .binary(.xor, lhs, try andExpression(), at)
        }
        return lhs
    }

    private mutating func andExpression() throws(QueryError) -> Expr {
        var lhs = try notExpression()
        var chain = 0
        defer { nesting -= chain }
        while isKeyword("AND") {
            let at = position
            advance()
            try deepen()
            chain += 1
            lhs = .binary(.and, lhs, try notExpression(), at)
        }
        return lhs
    }

    private mutating func notExpression() throws(QueryError) -> Expr {
        if isKeyword("NOT") {
            let at = position
            advance()
            try deepen()
            defer { nesting -= 1 }
            return .unary(.not, try notExpression(), at)
        }
        return try comparison()
    }

    private mutating func comparison() throws(QueryError) -> Expr {
        let first = try predicateExpression()
        var operands = [first]
        var operators: [(BinaryOperator, QueryPosition)] = []
        var chain = 0
        defer { nesting -= chain }
        while case .symbol(let symbol) = current.kind,
            let op = [
                "=": BinaryOperator.equal, "<>": .notEqual, "<": .less, "<=": .lessEqual,
                ">": .greater, ">=": .greaterEqual
            ][symbol]
        {
            operators.append((op, position))
            advance()
            try deepen()
            chain += 1
            operands.append(try predicateExpression())
        }
        guard !operators.isEmpty else { return first }
        // a < b < c means a < b AND b < c (openCypher's chained comparisons).
        var result: Expr = .binary(operators[0].0, operands[0], operands[1], operators[0].1)
        for step in 1..<operators.count {
            let next = Expr.binary(operators[step].0, operands[step], operands[step + 1], operators[step].1)
            result = .binary(.and, result, next, operators[step].1)
        }
        return result
    }

    private mutating func predicateExpression() throws(QueryError) -> Expr {
        var lhs = try additive()
        var chain = 0
        defer { nesting -= chain }
        while true {
            try deepen()
            chain += 1
            let at = position
            if acceptKeyword("IN") {
                lhs = .binary(.in, lhs, try additive(), at)
            } else if isKeyword("STARTS") && isKeyword("WITH", ahead: 1) {
                advance(); advance()
                lhs = .binary(.startsWith, lhs, try additive(), at)
            } else if isKeyword("ENDS") && isKeyword("WITH", ahead: 1) {
                advance(); advance()
                lhs = .binary(.endsWith, lhs, try additive(), at)
            } else if acceptKeyword("CONTAINS") {
                lhs = .binary(.contains, lhs, try additive(), at)
            } else if acceptKeyword("IS") {
                let negated = acceptKeyword("NOT")
                try expectKeyword("NULL")
                lhs = .isNull(lhs, negated: negated, at)
            } else {
                return lhs
            }
        }
    }

    private mutating func additive() throws(QueryError) -> Expr {
        var lhs = try multiplicative()
        var chain = 0
        defer { nesting -= chain }
        while true {
            try deepen()
            chain += 1
            let at = position
            if acceptSymbol("+") {
                lhs = .binary(.add, lhs, try multiplicative(), at)
            } else if acceptSymbol("-") {
                lhs = .binary(.subtract, lhs, try multiplicative(), at)
            } else {
                return lhs
            }
        }
    }

    private mutating func multiplicative() throws(QueryError) -> Expr {
        var lhs = try power()
        var chain = 0
        defer { nesting -= chain }
        while true {
            try deepen()
            chain += 1
            let at = position
            if acceptSymbol("*") {
                lhs = .binary(.multiply, lhs, try power(), at)
            } else if acceptSymbol("/") {
                lhs = .binary(.divide, lhs, try power(), at)
            } else if acceptSymbol("%") {
                lhs = .binary(.modulo, lhs, try power(), at)
            } else {
                return lhs
            }
        }
    }

    private mutating func power() throws(QueryError) -> Expr {
        var lhs = try unary()
        var chain = 0
        defer { nesting -= chain }
        while isSymbol("^") {
            let at = position
            advance()
            try deepen()
            chain += 1
            lhs = .binary(.power, lhs, try unary(), at)
        }
        return lhs
    }

    private mutating func unary() throws(QueryError) -> Expr {
        let at = position
        if acceptSymbol("-") {
            // Fold a literal so that -9223372036854775808 and -1 are integer literals.
            if case .integer(let value) = current.kind {
                advance()
                return try postfix(.literal(.int(-value), at))
            }
            if case .integerOverflow("9223372036854775808") = current.kind {
                advance()
                return try postfix(.literal(.int(.min), at))
            }
            try deepen()
            defer { nesting -= 1 }
            return .unary(.minus, try unary(), at)
        }
        if acceptSymbol("+") {
            try deepen()
            defer { nesting -= 1 }
            return .unary(.plus, try unary(), at)
        }
        return try postfix(try atom())
    }

    private mutating func postfix(_ base: Expr) throws(QueryError) -> Expr {
        var expr = base
        var chain = 0
        defer { nesting -= chain }
        while true {
            try deepen()
            chain += 1
            let at = position
            if acceptSymbol(".") {
                expr = .property(expr, try symbolicName("a property name after '.'"), at)
            } else if acceptSymbol("[") {
                if acceptSymbol("..") {
                    let to = isSymbol("]") ? nil : try expression()
                    try expectSymbol("]")
                    expr = .slice(expr, nil, to, at)
                    continue
                }
                let first = try expression()
                if acceptSymbol("..") {
                    let to = isSymbol("]") ? nil : try expression()
                    try expectSymbol("]")
                    expr = .slice(expr, first, to, at)
                } else {
                    try expectSymbol("]")
                    expr = .index(expr, first, at)
                }
            } else if isSymbol(":") {
                throw QueryError(.syntax, "label predicates (n:kind) in expressions are not supported: use n.kind = 'kind'", at: at)
            } else {
                return expr
            }
        }
    }

    private mutating func atom() throws(QueryError) -> Expr {
        let at = position
        switch current.kind {
        case .integer(let value):
            advance()
            return .literal(.int(value), at)
        case .float(let value):
            advance()
            return .literal(.double(value), at)
        case .integerOverflow(let text):
            throw QueryError(.syntax, "integer literal '\(text)' does not fit in 64 bits", at: at)
        case .string(let value):
            advance()
            return .literal(.string(value), at)
        case .parameter(let name):
            advance()
            return .parameter(name, at)
        case .symbol("("):
            advance()
            let inner = try expression()
            try expectSymbol(")")
            return inner
        case .symbol("["):
            return try listOrComprehension()
        case .symbol("{"):
            return .map(try propertyMap(), at)
        case .quotedIdentifier(let name):
            advance()
            return .variable(name, at)
        case .identifier(let name):
            let upper = name.uppercased()
            switch upper {
            case "TRUE": advance(); return .literal(.bool(true), at)
            case "FALSE": advance(); return .literal(.bool(false), at)
            case "NULL": advance(); return .literal(.null, at)
            case "CASE": advance(); return try caseExpression(at)
            default: break
            }
            if isSymbol("(", ahead: 1) {
                if upper == "SHORTESTPATH" || upper == "ALLSHORTESTPATHS" || upper == "EXISTS" {
                    throw QueryError(.syntax, "\(name)(...) is only supported as a MATCH pattern", at: at)
                }
                advance()
                advance()
                return try call(name.lowercased(), at)
            }
            if Parser.reserved.contains(upper) {
                throw QueryError(.syntax, "expected an expression, found keyword '\(name)'", at: at)
            }
            advance()
            return .variable(name, at)
        default:
            throw fail("an expression")
        }
    }

    private mutating func call(_ name: String, _ at: QueryPosition) throws(QueryError) -> Expr {
        if name == "count" && isSymbol("*") && isSymbol(")", ahead: 1) {
            advance(); advance()
            return .countStar(at)
        }
        let distinct = acceptKeyword("DISTINCT")
        var args: [Expr] = []
        if !isSymbol(")") {
            repeat { args.append(try expression()) } while acceptSymbol(",")
        }
        try expectSymbol(")")
        return .call(name, distinct: distinct, args, at)
    }

    private mutating func listOrComprehension() throws(QueryError) -> Expr {
        let at = position
        advance()
        if isVariableStart && isKeyword("IN", ahead: 1) {
            let variable = try name("a variable")
            advance()
            let list = try expression()
            let predicate = acceptKeyword("WHERE") ? try expression() : nil
            let projection = acceptSymbol("|") ? try expression() : nil
            try expectSymbol("]")
            return .listComprehension(variable: variable, list, predicate: predicate, projection: projection, at)
        }
        var items: [Expr] = []
        if !isSymbol("]") {
            repeat { items.append(try expression()) } while acceptSymbol(",")
        }
        try expectSymbol("]")
        return .list(items, at)
    }

    private mutating func caseExpression(_ at: QueryPosition) throws(QueryError) -> Expr {
        let subject = isKeyword("WHEN") ? nil : try expression()
        var branches: [(Expr, Expr)] = []
        while acceptKeyword("WHEN") {
            let condition = try expression()
            try expectKeyword("THEN")
            branches.append((condition, try expression()))
        }
        if branches.isEmpty { throw fail("WHEN") }
        let otherwise = acceptKeyword("ELSE") ? try expression() : nil
        try expectKeyword("END")
        return .caseWhen(subject: subject, branches, otherwise: otherwise, at)
    }
}
