/*
 * pg_dl.h — libpq (PostgreSQL's client library), loaded with dlopen when a
 * postgresql:// library is first opened, as SQLite is (sqlite_dl.h): the
 * commands that never touch a server do not pay for it, and building
 * covenant needs no libpq-dev.  The few prototypes and constants used are
 * declared here, as libpq-fe.h (PostgreSQL 9.1 and later, ABI libpq.so.5)
 * has them; the names go through the table below.
 */
#ifndef COV_PG_DL_H
#define COV_PG_DL_H

#include <stddef.h>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef unsigned int Oid;

/* the first values of libpq-fe.h's enums (stable since libpq.so.5) */
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;
typedef enum {
	PGRES_EMPTY_QUERY = 0, PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_COPY_OUT, PGRES_COPY_IN,
	PGRES_BAD_RESPONSE, PGRES_NONFATAL_ERROR, PGRES_FATAL_ERROR
} ExecStatusType;
typedef enum { PQTRANS_IDLE, PQTRANS_ACTIVE, PQTRANS_INTRANS, PQTRANS_INERROR, PQTRANS_UNKNOWN } PGTransactionStatusType;
#define PG_DIAG_SQLSTATE 'C'
#define PG_DIAG_MESSAGE_PRIMARY 'M'
typedef void (*PQnoticeProcessor)(void *arg, const char *message);

#define COV_PG_FUNCTIONS(X) \
	X(PGconn *, connectdb, (const char *conninfo)) \
	X(ConnStatusType, status, (const PGconn *conn)) \
	X(char *, errorMessage, (const PGconn *conn)) \
	X(void, finish, (PGconn *conn)) \
	X(void, reset, (PGconn *conn)) \
	X(PGresult *, exec, (PGconn *conn, const char *query)) \
	X(PGresult *, execParams, (PGconn *conn, const char *command, int nParams, const Oid *paramTypes, \
				   const char *const *paramValues, const int *paramLengths, const int *paramFormats, \
				   int resultFormat)) \
	X(ExecStatusType, resultStatus, (const PGresult *res)) \
	X(char *, resultErrorMessage, (const PGresult *res)) \
	X(char *, resultErrorField, (const PGresult *res, int fieldcode)) \
	X(void, clear, (PGresult *res)) \
	X(int, ntuples, (const PGresult *res)) \
	X(char *, getvalue, (const PGresult *res, int tup_num, int field_num)) \
	X(int, getlength, (const PGresult *res, int tup_num, int field_num)) \
	X(int, getisnull, (const PGresult *res, int tup_num, int field_num)) \
	X(PGTransactionStatusType, transactionStatus, (const PGconn *conn)) \
	X(PQnoticeProcessor, setNoticeProcessor, (PGconn *conn, PQnoticeProcessor proc, void *arg)) \
	X(int, serverVersion, (const PGconn *conn))

typedef struct cov_pg_api {
#define COV_PG_FIELD(ret, fn, args) ret(*fn) args;
	COV_PG_FUNCTIONS(COV_PG_FIELD)
#undef COV_PG_FIELD
} cov_pg_api;
extern cov_pg_api cov_pg;

/* Load libpq (once; $COVENANT_LIBPQ names another file, for tests): COV_OK,
 * or COV_EIO saying it is missing. */
int cov_pg_load(void);

#define PQconnectdb cov_pg.connectdb
#define PQstatus cov_pg.status
#define PQerrorMessage cov_pg.errorMessage
#define PQfinish cov_pg.finish
#define PQreset cov_pg.reset
#define PQexec cov_pg.exec
#define PQexecParams cov_pg.execParams
#define PQresultStatus cov_pg.resultStatus
#define PQresultErrorMessage cov_pg.resultErrorMessage
#define PQresultErrorField cov_pg.resultErrorField
#define PQclear cov_pg.clear
#define PQntuples cov_pg.ntuples
#define PQgetvalue cov_pg.getvalue
#define PQgetlength cov_pg.getlength
#define PQgetisnull cov_pg.getisnull
#define PQtransactionStatus cov_pg.transactionStatus
#define PQsetNoticeProcessor cov_pg.setNoticeProcessor
#define PQserverVersion cov_pg.serverVersion

#endif
