import Foundation
import Testing
import TongxinTestSupport

/// `tongxin diff` end to end on a hand-made pair with every kind of change:
/// a town removed (乙镇) and one added (丁镇), a village removed (四村), added (五村), renamed (一村 → 新一村)
/// and moved (三村 from 乙镇 to 甲镇), a node whose kind changed (o2), a figure whose attribute changed
/// and gained one (f1), a liaison moved (二村 → 五村), a pairing added, a third parallel tie.
@Suite(.enabled(if: BuiltTongxin.path != nil, "the tongxin binary is built next to the test bundle"))
struct DiffCommandTests {
    static let directory: String = {
        let directory = NSTemporaryDirectory() + "tongxin-diff-tests"
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try! oldText.write(toFile: directory + "/old.json", atomically: true, encoding: .utf8)
        try! newText.write(toFile: directory + "/new.json", atomically: true, encoding: .utf8)
        return directory
    }()

    static let oldText = #"""
        {"format": "tongxin-graph", "version": 1, "name": "2023", "nodes": [
          {"id": "hb", "kind": "region", "name": "湖北省", "level": "province"},
          {"id": "c1", "kind": "region", "name": "甲市", "level": "city", "parent": "hb"},
          {"id": "c2", "kind": "region", "name": "乙市", "level": "city", "parent": "hb"},
          {"id": "t1", "kind": "region", "name": "甲镇", "level": "town", "parent": "c1"},
          {"id": "t2", "kind": "region", "name": "乙镇", "level": "town", "parent": "c1"},
          {"id": "t3", "kind": "region", "name": "丙镇", "level": "town", "parent": "c2"},
          {"id": "v1", "kind": "village", "name": "一村", "parent": "t1"},
          {"id": "v2", "kind": "village", "name": "二村", "parent": "t1"},
          {"id": "v3", "kind": "village", "name": "三村", "parent": "t2"},
          {"id": "v4", "kind": "village", "name": "四村", "parent": "t3"},
          {"id": "o1", "kind": "organization", "name": "甲镇商会", "type": "商会", "parent": "v1"},
          {"id": "o2", "kind": "organization", "name": "某合作社"},
          {"id": "e1", "kind": "enterprise", "name": "某茶业公司", "attrs": {"industry": "tea"}},
          {"id": "f1", "kind": "figure", "name": "张三", "category": "联络员", "parent": "v1"},
          {"id": "f2", "kind": "figure", "name": "李四"}
        ], "edges": [
          {"source": "f1", "target": "v1", "kind": "liaison_for"},
          {"source": "f1", "target": "v2", "kind": "liaison_for"},
          {"source": "e1", "target": "v2", "kind": "paired_with"},
          {"source": "e1", "target": "v3", "kind": "paired_with"},
          {"source": "f1", "target": "f2", "kind": "tie"},
          {"source": "f1", "target": "f2", "kind": "tie"}
        ]}
        """#

    static let newText = #"""
        {"format": "tongxin-graph", "version": 1, "name": "2024", "nodes": [
          {"id": "hb", "kind": "region", "name": "湖北省", "level": "province"},
          {"id": "c1", "kind": "region", "name": "甲市", "level": "city", "parent": "hb"},
          {"id": "c2", "kind": "region", "name": "乙市", "level": "city", "parent": "hb"},
          {"id": "t1", "kind": "region", "name": "甲镇", "level": "town", "parent": "c1"},
          {"id": "t3", "kind": "region", "name": "丙镇", "level": "town", "parent": "c2"},
          {"id": "t4", "kind": "region", "name": "丁镇", "level": "town", "parent": "c2"},
          {"id": "v1", "kind": "village", "name": "新一村", "parent": "t1"},
          {"id": "v2", "kind": "village", "name": "二村", "parent": "t1"},
          {"id": "v3", "kind": "village", "name": "三村", "parent": "t1"},
          {"id": "v5", "kind": "village", "name": "五村", "parent": "t4"},
          {"id": "o1", "kind": "organization", "name": "甲镇商会", "type": "商会", "parent": "v1"},
          {"id": "o2", "kind": "enterprise", "name": "某合作社"},
          {"id": "e1", "kind": "enterprise", "name": "某茶业公司", "attrs": {"industry": "tea"}},
          {"id": "f1", "kind": "figure", "name": "张三", "category": "村干部", "parent": "v1", "attrs": {"term": 2}},
          {"id": "f2", "kind": "figure", "name": "李四"}
        ], "edges": [
          {"source": "f1", "target": "v1", "kind": "liaison_for"},
          {"source": "f1", "target": "v5", "kind": "liaison_for"},
          {"source": "e1", "target": "v2", "kind": "paired_with"},
          {"source": "e1", "target": "v3", "kind": "paired_with"},
          {"source": "e1", "target": "v5", "kind": "paired_with"},
          {"source": "f1", "target": "f2", "kind": "tie"},
          {"source": "f1", "target": "f2", "kind": "tie"},
          {"source": "f1", "target": "f2", "kind": "tie"}
        ]}
        """#

    func diff(_ arguments: String...) throws -> BuiltTongxin.Run {
        try BuiltTongxin.run(["diff", "old.json", "new.json"] + arguments, in: Self.directory)
    }

    @Test func exactJSON() throws {
        let run = try diff(
            "--level", "town", "--coverage", "--unit", "village", "--by", "figure", "--via", "liaison_for",
            "--pairing", "--left", "enterprise", "--right", "village", "--pairing-by", "town", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == Self.expectedJSON + "\n")
    }

    @Test func sameGraphHasNoDifferences() throws {
        let run = try BuiltTongxin.run(["diff", "old.json", "old.json"], in: Self.directory)
        #expect(run.status == 0)
        #expect(run.stdout == "changes from 2023 to 2023: 0 nodes added, 0 removed, 0 changed; 0 edges added, 0 removed\nno differences\n")
    }

    @Test func csvIsOneRowPerFact() throws {
        let run = try diff("--format", "csv")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "section,id,name,kind,field,old,new")
        #expect(lines.contains("node_changed,v3,三村,village,parent,t2,t1"))
        #expect(lines.contains("node_changed,f1,张三,figure,term,,2"))
        #expect(lines.contains("edges_removed_added,,,tie,count,0,1"))
    }

    @Test func tableShowsRatesBeforeAndAfter() throws {
        let run = try diff("--coverage", "--unit", "village", "--by", "figure", "--via", "liaison_for")
        #expect(run.stdout.contains("  甲市      city       2/3 66.67%   1/3 33.33%   -33.33 pp\n"))
        #expect(run.stdout.contains("      乙镇  town        0/1 0.00%     (absent)           —\n"))
    }

    @Test func errorsNameTheirPlace() throws {
        let missing = try diff("--region", "乙镇")
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: --region (in new.json): no node with id, code or name '乙镇'; did you mean 丁镇, 丙镇, 乙市?\n")
        let stray = try diff("--unit", "town")
        #expect(stray.status == 1 && stray.stderr.contains("--unit and --by belong to --coverage: add --coverage"))
    }

    static let expectedJSON = #"""
        {
          "old": "2023",
          "new": "2024",
          "nodes": {
            "added": [
              {
                "id": "t4",
                "kind": "region",
                "name": "丁镇"
              },
              {
                "id": "v5",
                "kind": "village",
                "name": "五村"
              }
            ],
            "removed": [
              {
                "id": "t2",
                "kind": "region",
                "name": "乙镇"
              },
              {
                "id": "v4",
                "kind": "village",
                "name": "四村"
              }
            ],
            "changed": [
              {
                "id": "v1",
                "kind": "village",
                "name": "新一村",
                "changes": [
                  {
                    "field": "name",
                    "old": "一村",
                    "new": "新一村"
                  }
                ]
              },
              {
                "id": "v3",
                "kind": "village",
                "name": "三村",
                "changes": [
                  {
                    "field": "parent",
                    "old": "t2",
                    "new": "t1",
                    "old_path": [
                      "湖北省",
                      "甲市",
                      "乙镇"
                    ],
                    "new_path": [
                      "湖北省",
                      "甲市",
                      "甲镇"
                    ]
                  }
                ]
              },
              {
                "id": "o2",
                "kind": "enterprise",
                "name": "某合作社",
                "changes": [
                  {
                    "field": "kind",
                    "old": "organization",
                    "new": "enterprise"
                  }
                ]
              },
              {
                "id": "f1",
                "kind": "figure",
                "name": "张三",
                "changes": [
                  {
                    "field": "category",
                    "old": "联络员",
                    "new": "村干部"
                  },
                  {
                    "field": "term",
                    "old": null,
                    "new": 2
                  }
                ]
              }
            ]
          },
          "edges": {
            "added": {
              "within": 3,
              "liaison_for": 1,
              "paired_with": 1,
              "tie": 1
            },
            "removed": {
              "within": 3,
              "liaison_for": 1
            }
          },
          "counts": {
            "nodes": {
              "region": {
                "added": 1,
                "removed": 1,
                "changed": 0
              },
              "village": {
                "added": 1,
                "removed": 1,
                "changed": 2
              },
              "enterprise": {
                "added": 0,
                "removed": 0,
                "changed": 1
              },
              "figure": {
                "added": 0,
                "removed": 0,
                "changed": 1
              }
            },
            "level": "town",
            "regions": [
              {
                "id": "t1",
                "name": "甲镇",
                "in_old": true,
                "in_new": true,
                "nodes": {
                  "added": {},
                  "removed": {},
                  "changed": {
                    "village": 2,
                    "figure": 1
                  }
                },
                "edges": {
                  "added": {
                    "within": 1,
                    "tie": 1
                  },
                  "removed": {
                    "liaison_for": 1
                  }
                }
              },
              {
                "id": "t3",
                "name": "丙镇",
                "in_old": true,
                "in_new": true,
                "nodes": {
                  "added": {},
                  "removed": {
                    "village": 1
                  },
                  "changed": {}
                },
                "edges": {
                  "added": {},
                  "removed": {
                    "within": 1
                  }
                }
              },
              {
                "id": "t4",
                "name": "丁镇",
                "in_old": false,
                "in_new": true,
                "nodes": {
                  "added": {
                    "region": 1,
                    "village": 1
                  },
                  "removed": {},
                  "changed": {}
                },
                "edges": {
                  "added": {
                    "within": 2,
                    "liaison_for": 1,
                    "paired_with": 1
                  },
                  "removed": {}
                }
              },
              {
                "id": "t2",
                "name": "乙镇",
                "in_old": true,
                "in_new": false,
                "nodes": {
                  "added": {},
                  "removed": {
                    "region": 1
                  },
                  "changed": {}
                },
                "edges": {
                  "added": {},
                  "removed": {
                    "within": 2
                  }
                }
              }
            ]
          },
          "coverage": {
            "unit": "village",
            "selector": "figure",
            "via": [
              "liaison_for"
            ],
            "before": {
              "units": 4,
              "covered": 2,
              "rate": 0.5
            },
            "after": {
              "units": 4,
              "covered": 2,
              "rate": 0.5
            },
            "delta_rate": 0.0,
            "regions": [
              {
                "id": "hb",
                "name": "湖北省",
                "level": "province",
                "before": {
                  "units": 4,
                  "covered": 2,
                  "rate": 0.5
                },
                "after": {
                  "units": 4,
                  "covered": 2,
                  "rate": 0.5
                },
                "delta_rate": 0.0
              },
              {
                "id": "c1",
                "name": "甲市",
                "level": "city",
                "before": {
                  "units": 3,
                  "covered": 2,
                  "rate": 0.6666666666666666
                },
                "after": {
                  "units": 3,
                  "covered": 1,
                  "rate": 0.3333333333333333
                },
                "delta_rate": -0.3333333333333333
              },
              {
                "id": "t1",
                "name": "甲镇",
                "level": "town",
                "before": {
                  "units": 2,
                  "covered": 2,
                  "rate": 1.0
                },
                "after": {
                  "units": 3,
                  "covered": 1,
                  "rate": 0.3333333333333333
                },
                "delta_rate": -0.6666666666666667
              },
              {
                "id": "c2",
                "name": "乙市",
                "level": "city",
                "before": {
                  "units": 1,
                  "covered": 0,
                  "rate": 0.0
                },
                "after": {
                  "units": 1,
                  "covered": 1,
                  "rate": 1.0
                },
                "delta_rate": 1.0
              },
              {
                "id": "t3",
                "name": "丙镇",
                "level": "town",
                "before": {
                  "units": 1,
                  "covered": 0,
                  "rate": 0.0
                },
                "after": {
                  "units": 0,
                  "covered": 0,
                  "rate": null
                },
                "delta_rate": null
              },
              {
                "id": "t4",
                "name": "丁镇",
                "level": "town",
                "before": null,
                "after": {
                  "units": 1,
                  "covered": 1,
                  "rate": 1.0
                },
                "delta_rate": null
              },
              {
                "id": "t2",
                "name": "乙镇",
                "level": "town",
                "before": {
                  "units": 1,
                  "covered": 0,
                  "rate": 0.0
                },
                "after": null,
                "delta_rate": null
              }
            ],
            "newly_covered": [],
            "newly_uncovered": [
              {
                "id": "v2",
                "name": "二村",
                "path": [
                  "湖北省",
                  "甲市",
                  "甲镇"
                ]
              }
            ]
          },
          "pairing": {
            "left": "enterprise",
            "right": "village",
            "edge": "paired_with",
            "by": "town",
            "regions": [
              {
                "id": null,
                "name": "2024",
                "level": null,
                "before": {
                  "left": 1,
                  "right": 4,
                  "pairs": 2,
                  "density": 0.5,
                  "left_paired": 1,
                  "right_paired": 2,
                  "left_share": 1.0,
                  "right_share": 0.5,
                  "max_matching": 1,
                  "unpaired": 2
                },
                "after": {
                  "left": 2,
                  "right": 4,
                  "pairs": 3,
                  "density": 0.375,
                  "left_paired": 1,
                  "right_paired": 3,
                  "left_share": 0.5,
                  "right_share": 0.75,
                  "max_matching": 1,
                  "unpaired": 1
                },
                "delta_pairs": 1,
                "delta_density": -0.125,
                "delta_right_share": 0.25
              },
              {
                "id": "t1",
                "name": "甲镇",
                "level": "town",
                "before": {
                  "left": 1,
                  "right": 2,
                  "pairs": 1,
                  "density": 0.5,
                  "left_paired": 1,
                  "right_paired": 1,
                  "left_share": 1.0,
                  "right_share": 0.5,
                  "max_matching": 1,
                  "unpaired": 1
                },
                "after": {
                  "left": 1,
                  "right": 3,
                  "pairs": 2,
                  "density": 0.6666666666666666,
                  "left_paired": 1,
                  "right_paired": 2,
                  "left_share": 1.0,
                  "right_share": 0.6666666666666666,
                  "max_matching": 1,
                  "unpaired": 1
                },
                "delta_pairs": 1,
                "delta_density": 0.16666666666666663,
                "delta_right_share": 0.16666666666666663
              },
              {
                "id": "t3",
                "name": "丙镇",
                "level": "town",
                "before": {
                  "left": 0,
                  "right": 1,
                  "pairs": 0,
                  "density": null,
                  "left_paired": 0,
                  "right_paired": 0,
                  "left_share": null,
                  "right_share": 0.0,
                  "max_matching": 0,
                  "unpaired": 1
                },
                "after": {
                  "left": 0,
                  "right": 0,
                  "pairs": 0,
                  "density": null,
                  "left_paired": 0,
                  "right_paired": 0,
                  "left_share": null,
                  "right_share": null,
                  "max_matching": 0,
                  "unpaired": 0
                },
                "delta_pairs": 0,
                "delta_density": null,
                "delta_right_share": null
              },
              {
                "id": "t4",
                "name": "丁镇",
                "level": "town",
                "before": null,
                "after": {
                  "left": 1,
                  "right": 1,
                  "pairs": 1,
                  "density": 1.0,
                  "left_paired": 1,
                  "right_paired": 1,
                  "left_share": 1.0,
                  "right_share": 1.0,
                  "max_matching": 1,
                  "unpaired": 0
                },
                "delta_pairs": null,
                "delta_density": null,
                "delta_right_share": null
              },
              {
                "id": "t2",
                "name": "乙镇",
                "level": "town",
                "before": {
                  "left": 1,
                  "right": 1,
                  "pairs": 1,
                  "density": 1.0,
                  "left_paired": 1,
                  "right_paired": 1,
                  "left_share": 1.0,
                  "right_share": 1.0,
                  "max_matching": 1,
                  "unpaired": 0
                },
                "after": null,
                "delta_pairs": null,
                "delta_density": null,
                "delta_right_share": null
              }
            ],
            "newly_paired": [],
            "newly_unpaired": [],
            "new_pairings": [
              {
                "left": "e1",
                "left_name": "某茶业公司",
                "right": "v5",
                "right_name": "五村"
              }
            ],
            "ended_pairings": []
          }
        }
        """#
}
