#ifndef TONGXIN_CGRAPHVIZ_SHIM_H
#define TONGXIN_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Accessors for what cgraph offers only as macros (Swift imports no function-like macros). */

/** The tail (source) node of an edge: cgraph's `agtail` macro. */
static inline Agnode_t *tongxin_agtail(Agedge_t *edge) { return agtail(edge); }

/** The head (target) node of an edge: cgraph's `aghead` macro. */
static inline Agnode_t *tongxin_aghead(Agedge_t *edge) { return aghead(edge); }

/** An object's sequence number: creation order within its root graph (cgraph's `AGSEQ` macro). */
static inline unsigned long tongxin_agseq(void *object) { return (unsigned long)AGSEQ(object); }
#endif
