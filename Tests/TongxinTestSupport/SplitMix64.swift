/// Randomized tests use the library's own seeded generator.
@_exported import struct TongxinGraph.SplitMix64
