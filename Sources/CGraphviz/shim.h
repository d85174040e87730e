#ifndef TONGXIN_CGRAPHVIZ_SHIM_H
#define TONGXIN_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
