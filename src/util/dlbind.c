#include "retrason/dlbind.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static bool bind(struct rt_dl_lib *l)
{
	void *lib = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		snprintf(l->why, sizeof(l->why), "cannot load %s (%s); install %s", l->soname,
			 dlerror(), l->package);
		return false;
	}
	for (size_t k = 0; k < l->nsyms; k++) {
		void *sym = dlsym(lib, l->syms[k].name);
		if (!sym) {
			snprintf(l->why, sizeof(l->why), "%s has no %s: %s is needed", l->soname,
				 l->syms[k].name, l->version_needed);
			return false;
		}
		/* POSIX: a function pointer and dlsym()'s void * share a
		 * representation; memcpy() converts without the cast ISO C
		 * leaves undefined. */
		memcpy(l->syms[k].slot, &sym, sizeof(sym));
	}
	return true;
}

bool rt_dl_bind(struct rt_dl_lib *l, char *err, size_t errlen)
{
	if (!l->state)
		l->state = bind(l) ? 1 : -1;
	if (l->state < 0 && err)
		snprintf(err, errlen, "%s", l->why);
	return l->state > 0;
}
