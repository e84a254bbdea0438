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
