# Sourced by the benchmarks that compare with the Python peers (csv.sh, txg.sh): makes the peers'
# environment (Scripts/setup-peers.sh) and the release build, and sets $python and $tongxin.
Scripts/setup-peers.sh
python=.venv-peers/bin/python
swift build -c release --product tongxin >&2
tongxin=$(swift build -c release --show-bin-path)/tongxin
