import Testing
import TongxinServe

@Suite struct QueryStringTests {
    @Test func decodesPairsInOrderWithRepeatsAndFlags() throws {
        let pairs = try QueryString.parameters("unit=town&by=organization%5Btype%3D%E5%95%86%E4%BC%9A%5D&by=figure&suggest&q=a+b")
        #expect(pairs.map(\.name) == ["unit", "by", "by", "suggest", "q"])
        #expect(pairs.map(\.value) == ["town", "organization[type=商会]", "figure", "true", "a b"])
    }

    @Test func readsRawUTF8AndKeepsEqualsInValues() throws {
        let pairs = try QueryString.parameters("region=十堰市&param=city=宜昌市&&")
        #expect(pairs.map(\.value) == ["十堰市", "city=宜昌市"])
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "a=%E5%95", "a=%FF", "a=%C0%AF", "a=%00", "a=%0D", "=x"])
    func refusesMalformedInput(_ query: String) {
        #expect(throws: APIError.self) { try QueryString.parameters(query[...]) }
        do { _ = try QueryString.parameters(query[...]) } catch { #expect(error.status == 400) }
    }

    @Test func pathDecodingKeepsPlus() throws {
        #expect(try QueryString.decode("/a+b%20c") == "/a+b c")
    }

    @Test func pathsDecodeWithinThePages() throws {
        #expect(try QueryString.decodePath("/entity.html") == "/entity.html")
        #expect(try QueryString.decodePath("/api/%E5%8D%81") == "/api/十")
    }

    @Test(arguments: ["/../etc/passwd", "/%2e%2e/x", "/a%2fb", "/a%5Cb", "/a\\b", "//x", "/./x", "/%252e%252e/x", "x", "/a/.."])
    func pathsThatCouldLeaveThePagesAreRefused(_ path: String) {
        do {
            _ = try QueryString.decodePath(path[...])
            Issue.record("accepted \(path)")
        } catch {
            #expect(error.status == 400)
        }
    }
}
