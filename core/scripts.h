/* SPDX-License-Identifier: MIT */
/*
** scripts.h: the Lua standard library of scripts/, embedded at build time
** (tools/embed.c writes the table). Loaded into every model's sandbox, in
** file-name order, before the model runs.
*/
#ifndef ANBUD_SCRIPTS_H
#define ANBUD_SCRIPTS_H

#include <stddef.h>

struct script_file {
    const char *name;       /* "price.lua" */
    const char *text;
    size_t len;
};

extern const struct script_file scripts_files[];   /* ends with name NULL */

#endif
