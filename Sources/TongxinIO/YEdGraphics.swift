/// yEd's graphics for a node or an edge (the yFiles GraphML extension, namespace
/// `http://www.yworks.com/xml/graphml`), in ``KindPalette``'s look: a `y:ShapeNode` with the node's
/// name as its `y:NodeLabel`, its fill, and its kind's shape, sized to its label and grown by its
/// size (up to twice as large); a `y:PolyLineEdge` in its kind's colour, pattern and width, with an
/// arrow except for `within`. Nodes start on a grid, 200 × 80 points a cell, for yEd's layouts
/// (Layout → Hierarchical, Organic …) to rearrange.
enum YEdGraphics {
    /// yEd's name for a shape (`y:Shape type`).
    static func shape(_ shape: KindPalette.Shape) -> String {
        switch shape {
        case .roundedBox: "roundrectangle"
        case .box: "rectangle"
        case .house: "trapezoid2"
        case .hexagon: "hexagon"
        case .ellipse: "ellipse"
        case .note: "rectangle3d"
        }
    }

    /// The width in points a 12-point label needs: 12 a wide (East Asian) character, 7 any other.
    static func labelWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(16) { $0 + ($1.value >= 0x1100 ? 12 : 7) }
    }

    static func node(name: String, kind: String, fill: String, size: Double, cell: (Int, Int), key: String, to sink: inout ByteSink) {
        let look = KindPalette.node(kind)
        let growth = 1 + min(max(size, 0), 1)
        // Tenths of a point: enough for a drawing, short in the file.
        let width = (max(labelWidth(name), 60) * growth * 10).rounded() / 10, height = (30 * growth * 10).rounded() / 10
        sink.write("      <data key=\"\(key)\">\n        <y:ShapeNode>\n          <y:Geometry height=\"")
        JSONText.appendDouble(height, to: &sink.buffer)
        sink.write("\" width=\"")
        JSONText.appendDouble(width, to: &sink.buffer)
        sink.write("\" x=\"\(cell.0 * 200)\" y=\"\(cell.1 * 80)\"/>\n")
        sink.write("          <y:Fill color=\"\(fill.uppercased())\" transparent=\"false\"/>\n")
        sink.write("          <y:BorderStyle color=\"#404040\" type=\"line\" width=\"1.0\"/>\n")
        sink.write("          <y:NodeLabel alignment=\"center\" fontSize=\"12\" modelName=\"internal\" modelPosition=\"c\">")
        XMLText.append(name, to: &sink.buffer, attribute: false)
        sink.write("</y:NodeLabel>\n          <y:Shape type=\"\(shape(look.shape))\"/>\n        </y:ShapeNode>\n      </data>\n")
    }

    static func edge(kind: String, key: String, to sink: inout ByteSink) {
        let look = KindPalette.edge(kind)
        let type: String
        switch look.line {
        case .solid, .bold: type = "line"
        case .dashed: type = "dashed"
        case .dotted: type = "dotted"
        }
        sink.write("      <data key=\"\(key)\">\n        <y:PolyLineEdge>\n")
        sink.write("          <y:LineStyle color=\"\(look.color.uppercased())\" type=\"\(type)\" width=\"")
        JSONText.appendDouble(look.width, to: &sink.buffer)
        sink.write("\"/>\n          <y:Arrows source=\"none\" target=\"\(look.arrow ? "standard" : "none")\"/>\n")
        sink.write("        </y:PolyLineEdge>\n      </data>\n")
    }
}
