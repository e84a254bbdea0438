/* SPDX-License-Identifier: MIT */
/*
** sha256.h: SHA-256 fingerprints of the model and the inputs (OpenSSL's
** libcrypto, already a dependency of libxlsxwriter).
*/
#ifndef ANBUD_SHA256_H
#define ANBUD_SHA256_H

#include <stddef.h>

/* Lowercase hex digest of data[0..n) into hex (65 bytes with the NUL). */
void sha256_hex(const void *data, size_t n, char hex[65]);

/* The same of the file at path; 0, or -1 if it cannot be read (errno). */
int sha256_file(const char *path, char hex[65]);

#endif
