/*
 * mhd_dl.h — libmicrohttpd, loaded with dlopen when `covenant serve` starts:
 * only serve needs it, and it brings GnuTLS, Nettle, GMP and six more
 * libraries whose loading every other command would pay at start-up.
 * Include it instead of <microhttpd.h>: the API's names then go through the
 * table (typed from libmicrohttpd's own header), as src/store/sqlite_dl.h
 * does for SQLite.
 */
#ifndef COV_MHD_DL_H
#define COV_MHD_DL_H

#include <microhttpd.h>

#define COV_MHD_FUNCTIONS(X) \
	X(add_response_header) \
	X(create_response_from_buffer) \
	X(destroy_response) \
	X(get_connection_values) \
	X(get_daemon_info) \
	X(is_feature_supported) \
	X(lookup_connection_value) \
	X(queue_response) \
	X(start_daemon) \
	X(stop_daemon)

typedef struct cov_mhd_api {
#define COV_MHD_FIELD(fn) __typeof__(&MHD_##fn) fn;
	COV_MHD_FUNCTIONS(COV_MHD_FIELD)
#undef COV_MHD_FIELD
} cov_mhd_api;
extern cov_mhd_api cov_mhd;

/* Load libmicrohttpd (once; $COVENANT_MICROHTTPD names another file, for
 * tests): COV_OK, or COV_EIO saying it is missing. */
int cov_mhd_load(void);

#define MHD_add_response_header cov_mhd.add_response_header
#define MHD_create_response_from_buffer cov_mhd.create_response_from_buffer
#define MHD_destroy_response cov_mhd.destroy_response
#define MHD_get_connection_values cov_mhd.get_connection_values
#define MHD_get_daemon_info cov_mhd.get_daemon_info
#define MHD_is_feature_supported cov_mhd.is_feature_supported
#define MHD_lookup_connection_value cov_mhd.lookup_connection_value
#define MHD_queue_response cov_mhd.queue_response
#define MHD_start_daemon cov_mhd.start_daemon
#define MHD_stop_daemon cov_mhd.stop_daemon

#endif
