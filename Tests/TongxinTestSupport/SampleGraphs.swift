import TongxinGraph

/// Small graphs built in code, shared by the test targets.
public enum SampleGraphs {
    /// A province with two cities, three towns and five villages, two chambers of commerce, an
    /// enterprise paired with two villages and a liaison:
    ///
    /// ```
    /// hb 湖北省 ─┬─ c1 甲市 ─┬─ t1 甲镇 ─┬─ v1 一村   ← o1 商会 (within), f1 (liaison_for)
    ///            │           │           └─ v2 二村   ← e1 (paired_with)
    ///            │           └─ t2 乙镇 ─── v3 三村   ← e1 (paired_with)
    ///            └─ c2 乙市 ─── t3 丙镇 ─┬─ v4 四村
    ///                                    └─ v5 五村   ← o2 商会 (serves)
    /// ```
    public static func tinyProvince() -> Graph {
        var builder = GraphBuilder(name: "tiny")
        func region(_ id: String, _ name: String, _ level: String, _ parent: String?) {
            builder.addNode(id: id, kind: NodeKind.region, name: name, attributes: ["level": .string(level)])
            if let parent { builder.addEdge(source: id, target: parent, kind: EdgeKind.within) }
        }
        region("hb", "湖北省", "province", nil)
        region("c1", "甲市", "city", "hb")
        region("c2", "乙市", "city", "hb")
        region("t1", "甲镇", "town", "c1")
        region("t2", "乙镇", "town", "c1")
        region("t3", "丙镇", "town", "c2")
        for (id, name, town) in [
            ("v1", "一村", "t1"), ("v2", "二村", "t1"), ("v3", "三村", "t2"),
            ("v4", "四村", "t3"), ("v5", "五村", "t3")
        ] {
            builder.addNode(id: id, kind: NodeKind.village, name: name, attributes: ["type": .string("village")])
            builder.addEdge(source: id, target: town, kind: EdgeKind.within)
        }
        builder.addNode(id: "o1", kind: NodeKind.organization, name: "甲镇商会", attributes: ["type": .string("商会")])
        builder.addEdge(source: "o1", target: "v1", kind: EdgeKind.within)
        builder.addNode(id: "o2", kind: NodeKind.organization, name: "丙镇商会", attributes: ["type": .string("商会")])
        builder.addEdge(source: "o2", target: "v5", kind: EdgeKind.serves)
        builder.addNode(id: "e1", kind: NodeKind.enterprise, name: "某茶业公司", attributes: ["industry": .string("tea")])
        builder.addEdge(source: "e1", target: "v2", kind: EdgeKind.pairedWith, attributes: ["projects": .int(2)])
        builder.addEdge(source: "e1", target: "v3", kind: EdgeKind.pairedWith, attributes: ["projects": .int(1)])
        builder.addNode(id: "f1", kind: NodeKind.figure, name: "张三", attributes: ["category": .string("联络员")])
        builder.addEdge(source: "f1", target: "v1", kind: EdgeKind.liaisonFor)
        return try! builder.build()
    }

    /// Two liaisons with a phone (text and number), an ID number, and a note holding a phone that no
    /// profile names.
    public static func personalFigures() -> Graph {
        var builder = GraphBuilder(name: "personal")
        builder.addNode(id: "t1", kind: NodeKind.region, name: "甲镇", attributes: ["level": .string("town")])
        builder.addNode(id: "v1", kind: NodeKind.village, name: "一村")
        builder.addEdge(source: "v1", target: "t1", kind: EdgeKind.within)
        builder.addNode(
            id: "f-张三-13812345678", kind: NodeKind.figure, name: "张三",
            attributes: [
                "category": .string("统战联络员"), "phone": .string("13812345678"),
                "id_number": .string("420502199001011234"), "note": .string("备用 13900001111")
            ])
        builder.addNode(
            id: "f2", kind: NodeKind.figure, name: "李四",
            attributes: ["phone": .string("027-87654321"), "mobile": .int(13712345678), "office": .string("13600002222")])
        builder.addEdge(
            source: "f-张三-13812345678", target: "v1", kind: EdgeKind.liaisonFor, attributes: ["contact": .string("15011112222")])
        builder.addEdge(source: "f2", target: "v1", kind: EdgeKind.within)
        return try! builder.build()
    }
}
