#ifndef DJANGO_TUTOR_COPENBLAS_SHIM_H
#define DJANGO_TUTOR_COPENBLAS_SHIM_H

// Debian's libopenblas-dev puts cblas.h (with OpenBLAS's extensions such as
// openblas_set_num_threads) in /usr/include/x86_64-linux-gnu through alternatives.
#include <cblas.h>

// Ends OpenBLAS's pool of threads (declared by no header; exported by every build of OpenBLAS,
// which calls it before a fork). See `MatrixProducts` in SentenceEmbedding.
int blas_thread_shutdown_(void);

#endif
