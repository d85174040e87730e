import Testing
import TongxinResults

@Suite struct ResultTableTests {
    /// Columns line up by display width: a Chinese character takes two columns, numbers right-align,
    /// no line ends in spaces.
    @Test func textAlignsByDisplayWidth() {
        var table = ResultTable("kinds", columns: [Column("kind"), .numeric("count"), .numeric("rate")])
        table.append([.text("region"), .integer(6), .rate(0.5)])
        table.append([.text("村"), .integer(15), .rate(nil)])
        table.append([.text("x"), .null, .rate(1)])
        #expect(
            table.text() == """
                kind    count     rate
                region      6   50.00%
                村         15        —
                x              100.00%

                """)
    }

    /// CSV keeps numbers exact and absent values empty, and quotes only where RFC 4180 needs it.
    @Test func csvIsExactAndQuoted() {
        var table = ResultTable("t", columns: [Column("name"), .numeric("score"), .numeric("rate")])
        table.append([.text("a,b"), .number(1.0 / 3.0, digits: 3), .rate(nil)])
        table.append([.text("say \"hi\""), .number(nil, digits: 3), .rate(0.25)])
        table.append([.text(" padded"), .integer(-2), .null])
        #expect(
            table.csv() == """
                name,score,rate
                "a,b",0.3333333333333333,
                "say ""hi\""",,0.25
                " padded",-2,

                """)
    }

    @Test func cellsInATerminal() {
        #expect(Cell.number(0.5219780219780219, digits: 6).text == "0.521978")
        #expect(Cell.number(0.1, digits: nil).text == "0.1")
        #expect(Cell.number(nil, digits: 4).text == "—")
        #expect(Cell.id("v1").text == "v1")
        #expect(Cell.null.text == "")
    }

    @Test func scoresRankThenIDs() {
        let ids = ["b", "c", "a", "d"]
        #expect(Ranking.order([0.5, 2, 0.5, 0.1]) { ids[$0] } == [1, 2, 0, 3])
    }
}
