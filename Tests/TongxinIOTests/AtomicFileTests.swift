import Foundation
import Testing
@testable import TongxinIO

@Suite struct AtomicFileTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "tongxin-atomic-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func entries() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: directory).sorted()) ?? [] }

    @Test func writesAndReplaces() throws {
        let path = directory + "/out.json"
        try AtomicFile.write("first\n", to: path)
        try AtomicFile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(entries() == ["out.json"])
    }

    @Test func aFailingWriterLeavesTheOldFileAndNoTemporary() throws {
        let path = directory + "/keep.txt"
        try AtomicFile.write("old contents\n", to: path)
        #expect(throws: DiagnosticList.self) {
            try AtomicFile.write(to: path) { (sink: inout ByteSink) throws(DiagnosticList) in
                sink.write(String(repeating: "x", count: 200_000))
                throw DiagnosticList([Diagnostic(.error, "stopped halfway")])
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old contents\n")
        #expect(entries() == ["keep.txt"])
    }

    @Test func aMissingDirectoryIsAnError() {
        do {
            try AtomicFile.write("x", to: directory + "/no/such/out.json")
            Issue.record("wrote")
        } catch {
            #expect(error.description == "error: cannot write '\(directory)/no/such/out.json': No such file or directory")
        }
    }

    @Test func largeOutputsStreamThroughTheSink() throws {
        let path = directory + "/big.txt"
        try AtomicFile.write(to: path) { (sink: inout ByteSink) throws(DiagnosticList) in
            for line in 0..<100_000 { sink.write("line \(line)\n"); sink.flushIfFull() }
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("line 0\nline 1\n") && text.hasSuffix("line 99999\n"))
        #expect(text.utf8.count == (0..<100_000).reduce(0) { $0 + "line \($1)\n".utf8.count })
    }
}
