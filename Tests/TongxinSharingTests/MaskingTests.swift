import Testing
import TongxinIO
import TongxinTestSupport
@testable import TongxinSharing

@Suite struct MaskingTests {
    let key = Array("0123456789abcdef-test-key".utf8)

    func everything(_ graph: Graph) -> String { String(decoding: NativeJSONWriter.serialize(graph), as: UTF8.self) }

    @Test func publicProfilePseudonymizesFiguresAndDropsPhonesAndIDs() throws {
        let graph = SampleGraphs.personalFigures()
        let masked = try Masking(profile: MaskProfile.builtIn("public")!, key: key).apply(to: graph).graph
        let text = everything(masked)
        for secret in ["张三", "李四", "13812345678", "420502199001011234", "87654321", "13712345678"] {
            #expect(!text.contains(secret), "\(secret) leaked")
        }
        let zhang = 2, li = 3
        #expect(masked.name(of: zhang).hasPrefix("统战联络员-") && masked.name(of: zhang).count == "统战联络员-".count + 6)
        #expect(masked.name(of: li).hasPrefix("人物-"))
        #expect(masked.id(of: zhang).hasPrefix("figure-") && masked.id(of: zhang).count == "figure-".count + 16)
        #expect(masked.name(of: 0) == "甲镇" && masked.id(of: 1) == "v1")
        #expect(masked.attribute("category", of: zhang) == .string("统战联络员"))
        #expect(masked.attribute("phone", of: zhang) == nil && masked.attribute("id_number", of: zhang) == nil)
        #expect(masked.attribute("mobile", of: li) == nil)
        // What the profile does not name stays (and is warned about: see below).
        #expect(masked.attribute("note", of: zhang) == .string("备用 13900001111"))
        #expect(masked.hierarchy.parent(of: li) == 1 && masked.edgeCount == graph.edgeCount)
        #expect(masked.metadata["mask.profile"] == .string("public"))
    }

    @Test func pseudonymsAreStableUnderOneKeyAndDifferUnderAnother() throws {
        let graph = SampleGraphs.personalFigures()
        let first = try Masking(profile: MaskProfile.builtIn("public")!, key: key).apply(to: graph).graph
        let again = try Masking(profile: MaskProfile.builtIn("public")!, key: key).apply(to: graph).graph
        let other = try Masking(profile: MaskProfile.builtIn("public")!, key: Array("another-key-0123456789".utf8)).apply(to: graph).graph
        #expect(first.names == again.names && first.ids == again.ids)
        #expect(first.names[2] != other.names[2] && first.ids[2] != other.ids[2])
    }

    @Test func internalProfileStarsPhonesAndIDNumbers() throws {
        let masked = try Masking(profile: MaskProfile.builtIn("internal")!, key: key).apply(to: SampleGraphs.personalFigures()).graph
        #expect(masked.name(of: 2) == "张三")
        #expect(masked.attribute("phone", of: 2) == .string("138****5678"))
        #expect(masked.attribute("id_number", of: 2) == .string("4205**********1234"))
        #expect(masked.attribute("phone", of: 3) == .string("027*****4321"))
        #expect(masked.attribute("mobile", of: 3) == .string("137****5678"))
    }

    @Test func unlistedLookAlikesAreWarnedAboutWithoutTheirValues() throws {
        let result = try Masking(profile: MaskProfile.builtIn("internal")!, key: key).apply(to: SampleGraphs.personalFigures())
        let messages = result.warnings.map(\.message)
        #expect(
            messages == [
                "attribute 'office' of figure nodes is not masked by profile 'internal', but 1 of its values look like phone numbers",
                "attribute 'contact' of edges is not masked by profile 'internal', but 1 of its values look like phone numbers"
            ])
        #expect(!messages.joined().contains("13600002222"))
    }

    @Test func personalValueShapesAndMasks() {
        #expect(PersonalValue.shape(of: "13812345678") == .phone)
        #expect(PersonalValue.shape(of: "+86 138-1234-5678") == .phone)
        #expect(PersonalValue.shape(of: "12812345678") == .other)
        #expect(PersonalValue.shape(of: "42050219900101123X") == .idNumber)
        #expect(PersonalValue.shape(of: "420502900101123") == .idNumber)
        #expect(PersonalValue.shape(of: "宜昌市") == .other)
        #expect(PersonalValue.mask("张三丰") == "张*丰")
        #expect(PersonalValue.mask("张三") == "**")
        #expect(PersonalValue.mask("42050219900101123X") == "4205**********123X")
    }

    @Test func aProfileFileNamesActionsPerKind() throws {
        let document = try YAMLDocument.parse(
            """
            kinds:
              figure:
                name: pseudonymize
                prefix: 人员
                attributes: {phone: mask, note: drop}
              "*":
                attributes: {office: pseudonymize}
            edges:
              attributes: {contact: drop}
            """, file: "profile.yaml")
        let profile = try MaskProfileFile.read(document)
        let masked = try Masking(profile: profile, key: key).apply(to: SampleGraphs.personalFigures())
        let graph = masked.graph
        #expect(graph.name(of: 2).hasPrefix("人员-") && graph.name(of: 3).hasPrefix("人员-"))
        #expect(graph.attribute("phone", of: 2) == .string("138****5678"))
        #expect(graph.attribute("note", of: 2) == nil)
        #expect(graph.attribute("id_number", of: 2) == .string("420502199001011234"))  // not named: kept, and warned
        #expect(graph.attribute("office", of: 3)?.string?.count == 12)
        #expect(graph.edgeAttributes.value("contact", at: 1) == nil)
        #expect(masked.warnings.map(\.message).contains { $0.hasPrefix("attribute 'id_number' of figure nodes") })
    }

    @Test func badProfilesArePositionedErrors() throws {
        func problems(_ text: String) -> [String] {
            do {
                _ = try MaskProfileFile.read(YAMLDocument.parse(text, file: "p.yaml"))
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        #expect(
            problems("kinds:\n  figure:\n    attributes: {phone: hide}\n") == [
                "p.yaml:3:25: error: an attribute's action is one of keep, drop, mask, pseudonymize"
            ])
        #expect(
            problems("kinds:\n  figure:\n    nmae: pseudonymize\n") == [
                "p.yaml:3:5: error: unknown key 'nmae' (expected name, prefix, prefix_from or attributes)"
            ])
        #expect(problems("colours: 1\n") == ["p.yaml:1:1: error: unknown key 'colours' (expected kinds or edges)"])
        #expect(problems("kinds: [a, b\n").first?.hasPrefix("p.yaml:2:1: error: YAML:") == true)
        #expect(
            problems("a: &x [1]\nb: *x\n") == ["p.yaml:1:4: error: anchors and aliases ('&') are not allowed here; write the value out"])
        #expect(
            problems(String(repeating: "[", count: 10_000)).first == "p.yaml:1:65: error: nested too deeply: more than 64 levels of [ and {"
        )
        let deepBlock = (0..<400).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        #expect(problems(deepBlock).first?.contains("nested too deeply: more than 256 columns of indentation") == true)
    }
}
