/* SPDX-License-Identifier: MIT */
/*
** sha256.c: SHA-256 through OpenSSL's EVP interface.
*/
#include <stdio.h>
#include <openssl/evp.h>
#include "sha256.h"

void sha256_hex(const void *data, size_t n, char hex[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0, i;
    EVP_Digest(data, n, md, &len, EVP_sha256(), NULL);
    for (i = 0; i < len && i < 32; i++) sprintf(hex + 2 * i, "%02x", md[i]);
    hex[64] = '\0';
}

int sha256_file(const char *path, char hex[65])
{
    unsigned char md[EVP_MAX_MD_SIZE], buf[65536];
    unsigned int len = 0, i;
    size_t n;
    int ok;
    FILE *f = fopen(path, "rb");
    EVP_MD_CTX *c;
    if (!f) return -1;
    c = EVP_MD_CTX_new();
    ok = c && EVP_DigestInit_ex(c, EVP_sha256(), NULL);
    while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0) ok = EVP_DigestUpdate(c, buf, n);
    ok = ok && !ferror(f) && EVP_DigestFinal_ex(c, md, &len);
    EVP_MD_CTX_free(c);
    fclose(f);
    if (!ok) return -1;
    for (i = 0; i < len && i < 32; i++) sprintf(hex + 2 * i, "%02x", md[i]);
    hex[64] = '\0';
    return 0;
}
