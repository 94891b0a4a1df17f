/* gawah-exchange-private.h: how each kind of record is written in Gawah XML
 *
 * Export and import read the same description of every record: which column
 * becomes which attribute or element, which vocabulary a code belongs to,
 * which table a reference points into. A record's fields are compared as the
 * strings the description gives, so "identical on both sides" means exactly
 * "would be written identically".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "gawah-casebook-private.h"
#include "gawah-exchange.h"

G_BEGIN_DECLS

#define GAWAH_EXCHANGE_NS "urn:gawah:casebook:1"
#define GAWAH_EXCHANGE_SCHEMA RESOURCE_PREFIX "/schemas/casebook.rng"

typedef enum {
  PLACE_ATTRIBUTE,   /* an attribute of the record's element */
  PLACE_ELEMENT,     /* a child element holding text */
  PLACE_LOCATION,    /* an attribute of the child <location> */
  PLACE_DATE,        /* a child element with date= and precision= */
  PLACE_FLAG,        /* an empty child element, there when true */
  PLACE_LIST,        /* repeated child elements (categories, laws, perpetrators) */
  PLACE_CONTENT,     /* a blob, base64 in <content> elements */
} FieldPlace;

/* One attribute of a repeated element; a list of text elements has one part
 * without a name. */
typedef struct {
  const char *attribute;
  const char *vocabulary;
  const char *ref_table;
  const char *label;
} ListPart;

typedef struct {
  const char     *name;          /* the XML name */
  FieldPlace      place;
  const char     *select;        /* SQL over the row "t": its value as a string */
  const char     *column;        /* written on import; dates: the date column */
  const char     *precision;     /* dates: the precision column */
  const char     *vocabulary;    /* codes */
  const char     *ref_table;     /* the value is the uuid of a row of this table */
  const char     *label;         /* N_(): what an error calls the field */
  gboolean        required;      /* written even when empty or unknown */
  gboolean        nullable;      /* absent is NULL in the casebook, not '' */
  const char     *list_insert;   /* lists: ?1 the record's id, then the parts */
  const ListPart *parts;
  guint           n_parts;
  gboolean        sorted;        /* lists: a set, compared sorted */
  gboolean        timestamp;     /* kept as it was, but not compared: saving
                                  * an unchanged record moves updated_at */
} Field;

typedef struct {
  const char  *kind;             /* for conflicts: "incident", "person", ... */
  const char  *element;
  const char  *table;
  gboolean     in_incident;      /* has incident_id */
  const Field *fields;
  guint        n_fields;
  guint        title_field;      /* what a person recognises the record by */
} RecordSpec;

typedef enum {
  SPEC_PERSON,
  SPEC_INCIDENT,
  SPEC_ACT,
  SPEC_CHRONOLOGY,
  SPEC_FOLLOW_UP,
  SPEC_SOURCE,
  SPEC_EVIDENCE,
  SPEC_MAPPING,
  SPEC_LINK,
  N_SPECS
} SpecId;

/* In the order an incident's children are written. */
#define FIRST_CHILD_SPEC SPEC_ACT
#define LAST_CHILD_SPEC  SPEC_MAPPING

extern const RecordSpec gawah_exchange_specs[N_SPECS];

/* Largest base64 text in one <content> element: well under libxml2's
 * 10 MB limit for a text node, which the import keeps. */
#define CONTENT_CHUNK (4 * 1024 * 1024)

/* SELECT uuid, every field, id FROM the spec's table t WHERE @where. */
char      *gawah_exchange_select_sql  (const RecordSpec *spec,
                                       const char       *where);
/* The values of a row of that query: uuid first, then one per field. */
GPtrArray *gawah_exchange_read_values (const RecordSpec *spec,
                                       GawahStmt        *stmt);

G_END_DECLS
