/* Binding a shared library's functions at run time: for the libraries
 * only some commands use (libical, libcurl), so that the others start
 * without loading them. */
#ifndef RETRASON_DLBIND_H
#define RETRASON_DLBIND_H

#include <stdbool.h>
#include <stddef.h>

struct rt_dl_symbol {
	void *slot;       /* the address of a function pointer to fill */
	const char *name; /* the function's name in the library */
};

struct rt_dl_lib {
	const char *soname;         /* "libical.so.3" */
	const char *package;        /* the Debian package that has it */
	const char *version_needed; /* "libical 3.0", for a missing function */
	const struct rt_dl_symbol *syms;
	size_t nsyms;
	int state; /* 0 untried, 1 bound, -1 failed; set by rt_dl_bind() */
	char why[256];
};

/* The first time: dlopen()s the library (kept open until the process
 * ends) and fills every slot.  Later: the first answer again.  Returns
 * whether it is bound; if not, writes why to err (if not NULL). */
bool rt_dl_bind(struct rt_dl_lib *lib, char *err, size_t errlen);

#endif
