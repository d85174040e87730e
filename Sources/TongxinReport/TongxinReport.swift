@_exported import TongxinGraph
