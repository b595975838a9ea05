/* Loading libcurl at run time (see curl_load.c); private to src/mail. */
#ifndef RETRASON_CURL_LOAD_H
#define RETRASON_CURL_LOAD_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>

/* Loads libcurl and runs curl_global_init() the first time; later calls
 * return the first answer.  On failure writes why to err and returns
 * false: no curl_* function may be called then. */
bool rt_curl_load(char *err, size_t errlen);

#endif
