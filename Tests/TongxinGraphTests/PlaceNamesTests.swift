import Testing
import TongxinGraph

@Suite struct PlaceNamesTests {
    @Test(arguments: [
        ("恩施土家族苗族自治州", ["恩施州", "恩施"]),
        ("长阳土家族自治县", ["长阳县", "长阳"]),
        ("神农架林区", ["神农架"]),
        ("小溪塔街道", ["小溪塔", "小溪塔办事处", "小溪塔街道办事处"]),
        ("夷陵区", ["夷陵"]),
        ("宜昌市", ["宜昌"]),
        ("湖北省", ["湖北"]),
        ("李家村", ["李家", "李家村委会", "李家村民委员会"]),
        ("白沙社区", ["白沙", "白沙居委会", "白沙社区居委会", "白沙社区居民委员会"]),
        ("东区", []),
        ("城关镇", ["城关"])
    ])
    func shortForms(name: String, forms: [String]) {
        #expect(PlaceNames.shortForms(of: name) == forms)
    }

    @Test func bases() {
        #expect(PlaceNames.base(of: "恩施土家族苗族自治州") == "恩施")
        #expect(PlaceNames.base(of: "小溪塔镇") == "小溪塔")
        #expect(PlaceNames.base(of: "东区") == "东区")
    }

    @Test(arguments: [
        ("42", "42"), ("420000", "42"), ("4201", "4201"), ("420100", "4201"), ("420100000000", "4201"),
        ("420506001", "420506001"), ("420506001000", "420506001"), ("420506001200", "420506001200"),
        ("422801", "422801"), ("420000000000", "42")
    ])
    func canonicalCodes(code: String, canonical: String) {
        #expect(PlaceNames.canonicalCode(code) == canonical)
    }

    @Test func notCodes() {
        for text in ["4", "420", "42010", "4205060010000", "42a1", "", "４２"] { #expect(PlaceNames.canonicalCode(text) == nil, "\(text)") }
        #expect(PlaceNames.parentCode("420506001") == "420506")
        #expect(PlaceNames.parentCode("42") == nil)
    }

    @Test func editDistanceCountsCharacters() {
        func d(_ a: String, _ b: String) -> Int { PlaceNames.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(d("小溪塔镇", "小溪塔街道") == 2)
        #expect(d("", "恩施") == 2)
        #expect(d("kitten", "sitting") == 3)
        #expect(d("恩施", "恩施") == 0)
    }

    @Test func cleaning() {
        #expect(PlaceNames.cleaned(" 小 溪塔\u{3000}\n") == "小溪塔")
    }
}
