#ifndef DJANGO_TUTOR_COPENBLAS_SHIM_H
#define DJANGO_TUTOR_COPENBLAS_SHIM_H

// Debian's libopenblas-dev puts cblas.h (with OpenBLAS's extensions such as
// openblas_set_num_threads) in /usr/include/x86_64-linux-gnu through alternatives.
#include <cblas.h>

#endif
