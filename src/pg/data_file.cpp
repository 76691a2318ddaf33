// The extension's installed data files: the official files in data/, installed
// by `make install` under <sharedir>/extension/holdings/ (Makefile), read by
// holdings.data_file(name) for the install and upgrade scripts and the loaders
// (src/install/49_data_release.sql). Only that directory: the name is a relative
// path of plain segments (no "..", no leading dot, no absolute path), so the
// function cannot read anything else on the server. No C++ object is alive here
// (plain C calls only), so ereport is safe.
#include "glue.hpp"

extern "C" {
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/builtins.h"

#include <sys/stat.h>

PG_FUNCTION_INFO_V1(holdings_data_file);
}

namespace {

constexpr int kMaxName = 200;
constexpr off_t kMaxSize = 64 * 1024 * 1024;  // the largest shipped file is ~11 MB

bool valid_segment_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

// A relative path of segments [A-Za-z0-9_.-]+, none starting with '.', joined by '/'.
bool valid_name(const char *name, int len) {
    if (len == 0 || len > kMaxName)
        return false;
    bool segment_start = true;
    for (int i = 0; i < len; i++) {
        char c = name[i];
        if (c == '/') {
            if (segment_start)
                return false;  // empty segment or leading '/'
            segment_start = true;
            continue;
        }
        if (!valid_segment_char(c) || (segment_start && c == '.'))
            return false;
        segment_start = false;
    }
    return !segment_start;  // no trailing '/'
}

}  // namespace

extern "C" Datum holdings_data_file(PG_FUNCTION_ARGS) {
    text *arg = PG_GETARG_TEXT_PP(0);
    int len = VARSIZE_ANY_EXHDR(arg);
    char *name = text_to_cstring(arg);
    if (!valid_name(name, len))
        ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("invalid data file name \"%.*s\"", pg_mbcliplen(name, len, 64), name),
                        errhint("Give a path relative to the extension's data directory, such as \"tic/slt_table3.txt\".")));
    char sharedir[MAXPGPATH];
    get_share_path(my_exec_path, sharedir);
    char *path = psprintf("%s/extension/holdings/%s", sharedir, name);

    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        ereport(ERROR, (errcode(ERRCODE_UNDEFINED_FILE),
                        errmsg("data file \"%s\" is not installed", name),
                        errdetail("Looked for \"%s\".", path),
                        errhint("Install the extension's data files with \"make install\".")));
    if (st.st_size > kMaxSize)
        ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                        errmsg("data file \"%s\" is larger than 64 MB", name)));

    FILE *f = AllocateFile(path, PG_BINARY_R);
    if (f == nullptr)
        ereport(ERROR, (errcode_for_file_access(), errmsg("could not open data file \"%s\": %m", path)));
    size_t size = static_cast<size_t>(st.st_size);
    char *buf = static_cast<char *>(palloc(size + 1));
    size_t done = 0;
    while (done < size) {
        CHECK_FOR_INTERRUPTS();
        size_t chunk = size - done < 1048576 ? size - done : 1048576;
        size_t got = fread(buf + done, 1, chunk, f);
        if (got == 0)
            break;
        done += got;
    }
    bool failed = ferror(f) != 0 || done != size;
    FreeFile(f);
    if (failed)
        ereport(ERROR, (errcode_for_file_access(), errmsg("could not read data file \"%s\"", path)));
    buf[size] = '\0';
    // The files are UTF-8: validated, then converted to the database encoding.
    char *converted = pg_any_to_server(buf, static_cast<int>(size), PG_UTF8);
    PG_RETURN_TEXT_P(cstring_to_text(converted));
}
