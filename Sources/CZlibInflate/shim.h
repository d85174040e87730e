#ifndef TONGXIN_CZLIBINFLATE_SHIM_H
#define TONGXIN_CZLIBINFLATE_SHIM_H
// zlib's inflate and CRC-32, for reading the entries of workbooks' zip archives.
#include <zlib.h>
#endif
