import Foundation
import Testing
import TongxinGraph
import TongxinIO
import TongxinTestSupport

/// `.txg` checksums verified on a file's first open only (`VerifiedRecords`): a file is recorded
/// once it has been verified and has not changed for two seconds, a recorded file opens to the same
/// graph, and any change to a file makes the next open hash it again.
@Suite struct VerifiedRecordsTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "tongxin-verified-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func recorded() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/verified")) ?? []).filter { $0.hasSuffix(".verified") }
    }

    /// Flips one bit of the first name "湖北省" in the file: no structural check reads name bytes,
    /// only the checksum notices.
    func corruptName(in path: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let name = Array("湖北省".utf8)
        let at = try #require((0...(bytes.count - name.count)).first { Array(bytes[$0..<$0 + name.count]) == name })
        bytes[at + 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func aChangedFileIsHashedAgain() throws {
        let path = folder + "/g.txg", graph = SampleGraphs.tinyProvince()
        let records = VerifiedRecords(folder: folder + "/verified")
        try GraphFile.write(graph, to: path)
        // Just written: verified, but not recorded (it could change again within the same clock tick).
        BinaryGraphTests.expectSame(try BinaryGraphReader.read(path: path, records: records), graph)
        #expect(recorded().isEmpty)
        Thread.sleep(forTimeInterval: 2.2)
        BinaryGraphTests.expectSame(try BinaryGraphReader.read(path: path, records: records), graph)
        #expect(recorded().count == 1)
        // Recorded: opened without hashing, the same graph.
        BinaryGraphTests.expectSame(try BinaryGraphReader.read(path: path, records: records), graph)
        // Changed in place (same size, same inode): its times differ from the record, so it is hashed.
        try corruptName(in: path)
        do {
            _ = try BinaryGraphReader.read(path: path, records: records)
            Issue.record("a changed .txg was opened without verifying its checksums")
        } catch {
            #expect(error.description.contains("section 'nameBytes'") && error.description.contains("checksum does not match"))
        }
    }

    @Test func aFreshFileIsAlwaysHashed() throws {
        let path = folder + "/g.txg"
        let records = VerifiedRecords(folder: folder + "/verified")
        try GraphFile.write(SampleGraphs.tinyProvince(), to: path)
        _ = try BinaryGraphReader.read(path: path, records: records)
        try corruptName(in: path)
        #expect(throws: DiagnosticList.self) { try BinaryGraphReader.read(path: path, records: records) }
        #expect(recorded().isEmpty)
    }
}
