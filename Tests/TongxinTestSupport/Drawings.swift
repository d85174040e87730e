/// SVG lines, sorted: cgraph orders cluster subgraphs by internal string addresses, so the order
/// in which cluster boxes are written varies between renders while every shape stays the same.
public func sameDrawing(_ svg: [UInt8]) -> [Substring] {
    String(decoding: svg, as: UTF8.self).split(separator: "\n").sorted()
}
