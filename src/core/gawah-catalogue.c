/* gawah-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "gawah-catalogue.h"
#include "gawah-error.h"
#include "gawah-xml.h"

#define CATALOGUE_NS "urn:gawah:catalogue:1"
#define CATALOGUE_RESOURCE RESOURCE_PREFIX "/catalogue/provisions.xml"

struct _GawahCatalogue
{
  GPtrArray  *instruments;   /* GawahInstrument, document order */
  GPtrArray  *provisions;    /* GawahProvision, owned, document order */
  GHashTable *provision_by_id;
  GHashTable *order_by_id;   /* id → position + 1, to sort suggestions */
};

static void
provision_free (GawahProvision *provision)
{
  g_free (provision->id);
  g_free (provision->instrument_id);
  g_free (provision->parent_id);
  g_free (provision->number);
  gawah_text_clear (&provision->heading);
  gawah_text_clear (&provision->summary);
  g_free (provision);
}

static void
status_event_free (GawahStatusEvent *event)
{
  g_free (event->type);
  g_free (event->date);
  g_free (event);
}

static void
status_note_free (GawahStatusNote *note)
{
  g_strfreev (note->provision_ids);
  gawah_text_clear (&note->text);
  g_free (note);
}

static void
instrument_free (GawahInstrument *instrument)
{
  g_free (instrument->id);
  g_free (instrument->kind);
  gawah_text_clear (&instrument->title);
  gawah_text_clear (&instrument->short_title);
  g_ptr_array_unref (instrument->events);
  g_ptr_array_unref (instrument->notes);
  g_ptr_array_unref (instrument->provisions);
  g_free (instrument);
}

static gboolean
text_is_unverified (const GawahText *text)
{
  return text->unverified[GAWAH_LANGUAGE_ENGLISH] || text->unverified[GAWAH_LANGUAGE_URDU];
}

static gboolean
add_provision (GawahCatalogue   *self,
               GawahInstrument  *instrument,
               xmlNode          *node,
               const char       *parent_id,
               GError          **error)
{
  GawahProvision *provision = g_new0 (GawahProvision, 1);

  provision->id = gawah_xml_get_attr (node, "id");
  provision->number = gawah_xml_get_attr (node, "number");
  provision->instrument_id = g_strdup (instrument->id);
  provision->parent_id = g_strdup (parent_id);
  g_ptr_array_add (self->provisions, provision);
  g_ptr_array_add (instrument->provisions, provision);

  if (provision->id == NULL || g_hash_table_contains (self->provision_by_id, provision->id))
    {
      /* not translated: only broken built-in data, a developer's error, can cause this */
      g_set_error (error, GAWAH_ERROR, GAWAH_ERROR_PARSE,
                   "provisions.xml, line %ld: missing or repeated provision id “%s”",
                   xmlGetLineNo (node), provision->id);
      return FALSE;
    }
  g_hash_table_insert (self->provision_by_id, provision->id, provision);
  g_hash_table_insert (self->order_by_id, provision->id, GUINT_TO_POINTER (self->provisions->len));

  gawah_xml_foreach_element (child, node)
    {
      if (gawah_xml_is (child, CATALOGUE_NS, "heading"))
        gawah_xml_read_text (child, &provision->heading);
      else if (gawah_xml_is (child, CATALOGUE_NS, "summary"))
        gawah_xml_read_text (child, &provision->summary);
      else if (gawah_xml_is (child, CATALOGUE_NS, "provision") &&
               !add_provision (self, instrument, child, provision->id, error))
        return FALSE;
    }
  provision->verified = !gawah_xml_attr_is_false (node, "verified") &&
                        !text_is_unverified (&provision->heading) &&
                        !text_is_unverified (&provision->summary);
  return TRUE;
}

static GawahStatusNote *
parse_status_note (xmlNode  *node,
                   gboolean  is_reservation)
{
  GawahStatusNote *note = g_new0 (GawahStatusNote, 1);

  note->is_reservation = is_reservation;
  note->verified = !gawah_xml_attr_is_false (node, "verified");
  note->provision_ids = gawah_xml_get_attr_list (node, "articles");
  gawah_xml_foreach_element (child, node)
    if (gawah_xml_is (child, CATALOGUE_NS, "text"))
      gawah_xml_read_text (child, &note->text);
  return note;
}

static void
parse_status (GawahInstrument *instrument,
              xmlNode         *status)
{
  gawah_xml_foreach_element (child, status)
    {
      if (gawah_xml_is (child, CATALOGUE_NS, "event"))
        {
          GawahStatusEvent *event = g_new0 (GawahStatusEvent, 1);

          event->type = gawah_xml_get_attr (child, "type");
          event->date = gawah_xml_get_attr (child, "date");
          event->verified = !gawah_xml_attr_is_false (child, "verified");
          g_ptr_array_add (instrument->events, event);
        }
      else if (gawah_xml_is (child, CATALOGUE_NS, "reservation"))
        g_ptr_array_add (instrument->notes, parse_status_note (child, TRUE));
      else if (gawah_xml_is (child, CATALOGUE_NS, "note"))
        g_ptr_array_add (instrument->notes, parse_status_note (child, FALSE));
    }
}

static gboolean
add_instrument (GawahCatalogue  *self,
                xmlNode         *node,
                GError         **error)
{
  GawahInstrument *instrument = g_new0 (GawahInstrument, 1);

  instrument->id = gawah_xml_get_attr (node, "id");
  instrument->kind = gawah_xml_get_attr (node, "kind");
  instrument->events = g_ptr_array_new_with_free_func ((GDestroyNotify) status_event_free);
  instrument->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) status_note_free);
  instrument->provisions = g_ptr_array_new ();
  g_ptr_array_add (self->instruments, instrument);

  gawah_xml_foreach_element (child, node)
    {
      if (gawah_xml_is (child, CATALOGUE_NS, "title"))
        gawah_xml_read_text (child, &instrument->title);
      else if (gawah_xml_is (child, CATALOGUE_NS, "short"))
        gawah_xml_read_text (child, &instrument->short_title);
      else if (gawah_xml_is (child, CATALOGUE_NS, "status"))
        parse_status (instrument, child);
      else if (gawah_xml_is (child, CATALOGUE_NS, "provision") &&
               !add_provision (self, instrument, child, NULL, error))
        return FALSE;
    }
  return TRUE;
}

GawahCatalogue *
gawah_catalogue_load (GError **error)
{
  g_autoptr(GawahCatalogue) self = g_atomic_rc_box_new0 (GawahCatalogue);
  g_autoptr(xmlDoc) doc = gawah_xml_read_resource (CATALOGUE_RESOURCE, error);
  xmlNode *root;

  self->instruments = g_ptr_array_new_with_free_func ((GDestroyNotify) instrument_free);
  self->provisions = g_ptr_array_new_with_free_func ((GDestroyNotify) provision_free);
  self->provision_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->order_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  gawah_xml_foreach_element (child, root)
    if (gawah_xml_is (child, CATALOGUE_NS, "instrument") && !add_instrument (self, child, error))
      return NULL;

  return g_steal_pointer (&self);
}

GawahCatalogue *
gawah_catalogue_get_default (void)
{
  static GawahCatalogue *shared;

  if (g_once_init_enter (&shared))
    {
      g_autoptr(GError) error = NULL;
      GawahCatalogue *loaded = gawah_catalogue_load (&error);

      if (loaded == NULL)
        g_error ("Built-in legal catalogue is broken: %s", error->message);
      g_once_init_leave (&shared, loaded);
    }
  return shared;
}

static void
catalogue_clear (GawahCatalogue *self)
{
  g_hash_table_unref (self->provision_by_id);
  g_hash_table_unref (self->order_by_id);
  g_ptr_array_unref (self->instruments);
  g_ptr_array_unref (self->provisions);
}

GawahCatalogue *
gawah_catalogue_ref (GawahCatalogue *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
gawah_catalogue_unref (GawahCatalogue *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) catalogue_clear);
}

const GPtrArray *
gawah_catalogue_get_instruments (GawahCatalogue *self)
{
  return self->instruments;
}

const GawahInstrument *
gawah_catalogue_find_instrument (GawahCatalogue *self,
                                 const char     *instrument_id)
{
  for (guint i = 0; i < self->instruments->len; i++)
    {
      const GawahInstrument *instrument = g_ptr_array_index (self->instruments, i);

      if (g_strcmp0 (instrument->id, instrument_id) == 0)
        return instrument;
    }
  return NULL;
}

const GawahProvision *
gawah_catalogue_find_provision (GawahCatalogue *self,
                                const char     *provision_id)
{
  if (provision_id == NULL)
    return NULL;
  return g_hash_table_lookup (self->provision_by_id, provision_id);
}

/* Catalogue order (Constitution first, articles in order); unknown ids last. */
guint
gawah_catalogue_get_order (GawahCatalogue *self,
                           const char     *provision_id)
{
  gpointer order = g_hash_table_lookup (self->order_by_id, provision_id);

  return order != NULL ? GPOINTER_TO_UINT (order) : G_MAXUINT;
}

int
gawah_catalogue_compare (GawahCatalogue *self,
                         const char     *provision_a,
                         const char     *provision_b)
{
  guint a = gawah_catalogue_get_order (self, provision_a);
  guint b = gawah_catalogue_get_order (self, provision_b);

  return a < b ? -1 : a > b ? 1 : 0;
}

/* "ICCPR Art. 9(1)", the way lawyers cite it. */
char *
gawah_catalogue_dup_citation (GawahCatalogue *self,
                              const char     *provision_id)
{
  const GawahProvision *provision = gawah_catalogue_find_provision (self, provision_id);
  const GawahInstrument *instrument;

  if (provision == NULL)
    return g_strdup (provision_id);
  instrument = gawah_catalogue_find_instrument (self, provision->instrument_id);
  /* Translators: how a provision is cited: %1$s is an instrument (“ICCPR”), %2$s an article number (“9(1)”). */
  return g_strdup_printf (_("%1$s Art. %2$s"),
                          gawah_text_get_current (&instrument->short_title),
                          provision->number);
}
