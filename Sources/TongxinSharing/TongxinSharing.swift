/// Sharing safely: per-region extracts (``RegionExtract``) and masked personal data (``Masking``,
/// ``MaskProfile``), so that only what a recipient needs leaves the office.
@_exported import TongxinGraph
