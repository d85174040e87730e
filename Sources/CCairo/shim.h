#ifndef TONGXIN_CCAIRO_SHIM_H
#define TONGXIN_CCAIRO_SHIM_H
#include <cairo/cairo.h>
#include <cairo/cairo-pdf.h>
#endif
