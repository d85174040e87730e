import Testing
import TongxinGraph
@testable import TongxinReport

@Suite struct LabelsTests {
    @Test(arguments: ReportLanguage.allCases)
    func everyLabelHasAString(language: ReportLanguage) {
        let table = language == .zh ? Labels.zh : Labels.en
        let missing = Label.allCases.filter { table[$0]?.isEmpty ?? true }
        #expect(missing.isEmpty, "\(language) lacks \(missing)")
        #expect(table.count == Label.allCases.count)
    }

    @Test func bothLanguagesTakeTheSameArguments() {
        let zh = Labels(.zh), en = Labels(.en)
        for label in Label.allCases {
            #expect(zh.argumentCount(label) == en.argumentCount(label), "\(label)")
        }
    }

    @Test func argumentsAreFilledInOnePass() {
        let zh = Labels(.zh)
        #expect(zh(.measureTitle, "商会", "乡镇（街道）") == "商会 · 乡镇（街道）覆盖")
        // An argument holding a placeholder is not expanded again.
        #expect(zh(.measureTitle, "{1}", "X") == "{1} · X覆盖")
        #expect(Labels(.en)(.uncoveredTitle, "town", "12") == "Uncovered: town (12)")
    }

    @Test func wellKnownNamesAreTranslatedAndOthersKept() {
        let zh = Labels(.zh), en = Labels(.en)
        #expect(zh.kind(NodeKind.village) == "村（社区）")
        #expect(en.kind(NodeKind.enterprise) == "enterprise")
        #expect(zh.kind("station") == "station")
        #expect(zh.edgeKind(EdgeKind.pairedWith) == "结对")
        #expect(zh.level(.town) == "乡镇（街道）")
        #expect(en.level(named: "county") == "county")
        #expect(en.level(named: "district") == "district")
        #expect(zh.title(of: .coverage) == "覆盖率")
        #expect(en.title(of: .central) == "Central figures and organizations")
    }
}
