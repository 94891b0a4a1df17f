/* gawah-synthetic.c: a made-up casebook, big and reproducible, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gawah-casebook-private.h"
#include "gawah-synthetic.h"

/* One word or phrase in both scripts. */
typedef struct {
  const char *latin;
  const char *urdu;
} Word;

static const Word given_names[] = {
  { "Muhammad", "محمد" }, { "Ali", "علی" }, { "Ahmed", "احمد" }, { "Fatima", "فاطمہ" },
  { "Ayesha", "عائشہ" }, { "Zainab", "زینب" }, { "Hassan", "حسن" }, { "Imran", "عمران" },
  { "Bilal", "بلال" }, { "Saima", "صائمہ" }, { "Nasreen", "نسرین" }, { "Asma", "عاصمہ" },
  { "Khalid", "خالد" }, { "Tariq", "طارق" }, { "Usman", "عثمان" }, { "Sana", "ثناء" },
  { "Hina", "حنا" }, { "Rashid", "راشد" }, { "Farooq", "فاروق" }, { "Javed", "جاوید" },
  { "Shazia", "شازیہ" }, { "Gulalai", "گلالئی" }, { "Mehwish", "مہوش" }, { "Idrees", "ادریس" },
  { "Sammi", "سمی" }, { "Mahrang", "ماہ رنگ" }, { "Wahid", "واحد" }, { "Rubina", "روبینہ" },
};

static const Word family_names[] = {
  { "Khan", "خان" }, { "Baloch", "بلوچ" }, { "Khattak", "خٹک" }, { "Yousafzai", "یوسفزئی" },
  { "Qureshi", "قریشی" }, { "Siddiqui", "صدیقی" }, { "Butt", "بٹ" }, { "Chaudhry", "چوہدری" },
  { "Jatoi", "جتوئی" }, { "Memon", "میمن" }, { "Bugti", "بگٹی" }, { "Marri", "مری" },
  { "Afridi", "آفریدی" }, { "Shah", "شاہ" }, { "Awan", "اعوان" }, { "Abbasi", "عباسی" },
  { "Hazara", "ہزارہ" }, { "Masih", "مسیح" }, { "Soomro", "سومرو" }, { "Mengal", "مینگل" },
};

/* About one person in a thousand: what a rare search looks for. */
static const Word rare_family_name = { "Talpur", "ٹالپر" };

const char *const gawah_synthetic_common_terms[] = { "police", "پولیس", NULL };
const char *const gawah_synthetic_rare_terms[] = { "Talpur", "ٹالپر", NULL };

static const Word institutions[] = {
  { "Police Station Saddar", "تھانہ صدر" }, { "Counter Terrorism Department", "محکمہ انسداد دہشت گردی" },
  { "Federal Investigation Agency", "وفاقی تحقیقاتی ادارہ" }, { "Frontier Corps", "فرنٹیئر کور" },
  { "Unknown gunmen", "نامعلوم مسلح افراد" }, { "District administration", "ضلعی انتظامیہ" },
  { "Levies", "لیویز" }, { "Rangers", "رینجرز" },
};
static const char *const institution_types[] = {
  "police", "police", "fia", "paramilitary", "unknown", "local-administration", "paramilitary", "paramilitary",
};

/* What happened, per act type: "%s was <verb>" in English, "<noun>" in Urdu. */
typedef struct {
  const char *code;
  const char *english;
  const char *urdu;
} ActStory;

static const ActStory acts[] = {
  { "enforced-disappearance", "picked up by men in plain clothes and has not been seen since", "کو سادہ لباس افراد اٹھا کر لے گئے اور تب سے لاپتہ ہیں" },
  { "extrajudicial-killing", "killed in custody", "کو حراست میں قتل کر دیا گیا" },
  { "attempted-killing", "shot at outside the press club", "پر پریس کلب کے باہر فائرنگ کی گئی" },
  { "arbitrary-arrest", "arrested without a warrant", "کو بغیر وارنٹ گرفتار کیا گیا" },
  { "torture", "beaten and tortured during interrogation", "پر تفتیش کے دوران تشدد کیا گیا" },
  { "judicial-harassment", "charged in a false case", "کے خلاف جھوٹا مقدمہ درج کیا گیا" },
  { "travel-ban", "stopped at the airport and put on the exit control list", "کو ہوائی اڈے پر روک کر ای سی ایل میں ڈال دیا گیا" },
  { "physical-assault", "assaulted during a protest", "پر احتجاج کے دوران حملہ کیا گیا" },
  { "threat", "threatened by telephone", "کو فون پر دھمکیاں دی گئیں" },
  { "online-harassment", "harassed on social media after a report", "کو رپورٹ کے بعد سوشل میڈیا پر ہراساں کیا گیا" },
  { "surveillance", "followed and watched at home", "کی گھر پر نگرانی کی گئی" },
  { "raid", "raided at night", "کے گھر پر رات کو چھاپہ مارا گیا" },
  { "censorship", "forced to take down a story", "کی خبر زبردستی ہٹوائی گئی" },
};

static const char *const laws[] = {
  "peca-9", "peca-20", "peca-26a", "ata-7", "ata-11ee", "ppc-124a", "ppc-153a", "ppc-505", "mpo-3", "ecl-2",
};

static const char *const categories[] = {
  "journalist", "lawyer", "activist", "woman-hrd", "minority-rights-defender", "ethnic-rights-defender",
  "student", "trade-unionist", "digital-rights-defender", "relative-of-disappeared",
};

typedef struct {
  const char *step;
  const char *english;
  const char *urdu;
} ChronologyStory;

static const ChronologyStory steps[] = {
  { "fir-registered", "The police registered an FIR at the local station", "مقامی تھانے میں پولیس نے ایف آئی آر درج کی" },
  { "fir-refused", "The police refused to register an FIR", "پولیس نے ایف آئی آر درج کرنے سے انکار کر دیا" },
  { "habeas-petition", "The family filed a habeas corpus petition in the High Court", "اہل خانہ نے ہائی کورٹ میں حبس بے جا کی درخواست دائر کی" },
  { "hearing", "The court adjourned the hearing and asked the police for a report", "عدالت نے سماعت ملتوی کر کے پولیس سے رپورٹ طلب کی" },
  { "statement", "The press club issued a statement condemning the incident", "پریس کلب نے واقعے کی مذمت میں بیان جاری کیا" },
  { "release", "Released after questioning", "پوچھ گچھ کے بعد رہا کر دیا گیا" },
  { "threat", "Received further threats", "مزید دھمکیاں موصول ہوئیں" },
};

static const char *const verifications[] = { "confirmed", "likely", "possible", "unconfirmed" };
static const char *const statuses[] = { "open", "follow-up", "closed" };
static const char *const confidentialities[] = { "public", "restricted", "confidential" };
static const char *const degrees[] = { "did-it", "ordered-it", "failed-to-protect" };

struct _GawahSynthetic {
  GRand      *rand;
  GPtrArray  *districts;         /* const GawahTerm *, borrowed from the default vocabularies */
  GArray     *perpetrator_ids;   /* gint64 */
};

#define PICK(self, array) ((array)[g_rand_int_range ((self)->rand, 0, G_N_ELEMENTS (array))])

GawahSynthetic *
gawah_synthetic_new (guint32 seed)
{
  GawahSynthetic *self = g_new0 (GawahSynthetic, 1);
  const GawahVocabulary *provinces = gawah_vocabularies_find (gawah_vocabularies_get_default (),
                                                              GAWAH_VOCAB_PROVINCE);
  const GPtrArray *terms = gawah_vocabulary_get_terms (provinces);

  self->rand = g_rand_new_with_seed (seed);
  self->districts = g_ptr_array_new ();
  self->perpetrator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < terms->len; i++)
    {
      const GawahTerm *term = g_ptr_array_index (terms, i);

      if (term->parent_code != NULL)
        g_ptr_array_add (self->districts, (gpointer) term);
    }
  g_assert (self->districts->len > 0);
  return self;
}

void
gawah_synthetic_free (GawahSynthetic *self)
{
  if (self == NULL)
    return;
  g_rand_free (self->rand);
  g_ptr_array_unref (self->districts);
  g_array_unref (self->perpetrator_ids);
  g_free (self);
}

static gboolean
chance (GawahSynthetic *self,
        double          probability)
{
  return g_rand_double (self->rand) < probability;
}

/* Reproducible, unlike g_uuid_string_random(). */
static char *
make_uuid (GawahSynthetic *self)
{
  guint32 w[4];

  for (guint i = 0; i < 4; i++)
    w[i] = g_rand_int (self->rand);
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", w[0], w[1] >> 16, w[1] & 0xfff,
                          0x8000 | (w[2] >> 18), w[2] & 0xffff, w[3]);
}

/* 2000–2026, more recent years more often, at every precision. */
static GawahPartialDate
make_date (GawahSynthetic *self)
{
  double p = g_rand_double (self->rand);
  guint16 year = 2026 - (guint16) (26 * g_rand_double (self->rand) * g_rand_double (self->rand) + 0.5);
  guint8 month = g_rand_int_range (self->rand, 1, 13);
  guint8 day = g_rand_int_range (self->rand, 1, 29);

  if (p < 0.60)
    return (GawahPartialDate) { year, month, day, GAWAH_PRECISION_DAY };
  if (p < 0.80)
    return (GawahPartialDate) { year, month, 0, GAWAH_PRECISION_MONTH };
  if (p < 0.93)
    return (GawahPartialDate) { year, 0, 0, GAWAH_PRECISION_YEAR };
  if (p < 0.97)
    return (GawahPartialDate) { year, 0, 0, GAWAH_PRECISION_APPROXIMATE };
  return (GawahPartialDate) { 0, 0, 0, GAWAH_PRECISION_UNKNOWN };
}

/* The records' constructors fill in defaults: replaced, not leaked. */
static void
replace_text (char       **field,
              const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

GawahIncident *
gawah_synthetic_make_incident (GawahSynthetic *self)
{
  GawahIncident *incident = gawah_incident_new ();
  const GawahTerm *district = g_ptr_array_index (self->districts,
                                                 g_rand_int_range (self->rand, 0, self->districts->len));
  const ActStory *act = &PICK (self, acts);
  const Word *name = &PICK (self, given_names);
  const Word *family = &PICK (self, family_names);
  const char *place_en = district->label.text[GAWAH_LANGUAGE_ENGLISH];
  const char *place_ur = district->label.text[GAWAH_LANGUAGE_URDU];

  incident->uuid = make_uuid (self);
  if (chance (self, 0.6))
    {
      incident->title = g_strdup_printf ("%s %s %s in %s", name->latin, family->latin,
                                         act->english, place_en);
      incident->summary = g_strdup_printf ("According to the family, %s %s was %s in %s district."
                                           " Colleagues say it followed reporting on local police.",
                                           name->latin, family->latin, act->english, place_en);
    }
  else
    {
      incident->title = g_strdup_printf ("%s %s %s، %s", name->urdu, family->urdu, act->urdu,
                                         place_ur != NULL ? place_ur : place_en);
      incident->summary = g_strdup_printf ("اہل خانہ کے مطابق ضلع %s میں %s %s %s۔",
                                           place_ur != NULL ? place_ur : place_en,
                                           name->urdu, family->urdu, act->urdu);
    }
  incident->start = make_date (self);
  incident->ongoing = chance (self, 0.1);
  incident->province = g_strdup (district->parent_code);
  incident->district = chance (self, 0.8) ? g_strdup (district->code) : NULL;
  incident->place = g_strdup (chance (self, 0.5) ? place_en : "");
  replace_text (&incident->verification, PICK (self, verifications));
  replace_text (&incident->confidentiality, PICK (self, confidentialities));
  replace_text (&incident->status, PICK (self, statuses));
  return incident;
}

static GawahPerson *
make_person (GawahSynthetic *self,
             const char     *kind)
{
  GawahPerson *person = gawah_person_new ();

  person->uuid = make_uuid (self);
  replace_text (&person->kind, kind);
  return person;
}

GawahPerson *
gawah_synthetic_make_victim (GawahSynthetic *self)
{
  GawahPerson *person = make_person (self, "individual");
  const Word *name = &PICK (self, given_names);
  const Word *family = chance (self, 0.001) ? &rare_family_name : &PICK (self, family_names);
  double script = g_rand_double (self->rand);

  /* Most are known by both spellings, some only in one script. */
  person->name_latin = g_strdup_printf ("%s %s", name->latin, family->latin);
  person->name_urdu = g_strdup_printf ("%s %s", name->urdu, family->urdu);
  if (script < 0.1)
    g_clear_pointer (&person->name_latin, g_free);
  else if (script < 0.2)
    g_clear_pointer (&person->name_urdu, g_free);
  person->sex = g_strdup (chance (self, 0.3) ? "female" : "male");
  g_strfreev (person->categories);
  person->categories = g_new0 (char *, 3);
  person->categories[0] = g_strdup (PICK (self, categories));
  if (chance (self, 0.2))
    person->categories[1] = g_strdup (PICK (self, categories));
  if (g_strcmp0 (person->categories[0], person->categories[1]) == 0)
    g_clear_pointer (&person->categories[1], g_free);
  return person;
}

GawahPerson *
gawah_synthetic_make_perpetrator (GawahSynthetic *self)
{
  GawahPerson *person = make_person (self, "institution");
  guint which = g_rand_int_range (self->rand, 0, G_N_ELEMENTS (institutions));
  const GawahTerm *district = g_ptr_array_index (self->districts,
                                                 g_rand_int_range (self->rand, 0, self->districts->len));
  const char *place_ur = district->label.text[GAWAH_LANGUAGE_URDU];

  person->name_latin = g_strdup_printf ("%s %s", institutions[which].latin,
                                        district->label.text[GAWAH_LANGUAGE_ENGLISH]);
  person->name_urdu = g_strdup_printf ("%s %s", institutions[which].urdu, place_ur != NULL ? place_ur : "");
  person->perpetrator_type = g_strdup (institution_types[which]);
  return person;
}

GawahChronologyEntry *
gawah_synthetic_make_chronology (GawahSynthetic *self,
                                 gint64          incident_id)
{
  GawahChronologyEntry *entry = gawah_chronology_entry_new ();
  const ChronologyStory *story = &PICK (self, steps);

  entry->uuid = make_uuid (self);
  entry->incident_id = incident_id;
  entry->date = make_date (self);
  replace_text (&entry->step, story->step);
  entry->description = g_strdup (chance (self, 0.5) ? story->english : story->urdu);
  return entry;
}

static gboolean
save_new_person (GawahCasebook  *casebook,
                 GawahPerson    *person,
                 gint64         *id,
                 GError        **error)
{
  g_autoptr(GawahPerson) owned = person;

  if (!gawah_casebook_save_person (casebook, owned, error))
    return FALSE;
  *id = owned->id;
  return TRUE;
}

static gboolean
add_acts (GawahSynthetic  *self,
          GawahCasebook   *casebook,
          gint64           incident_id,
          const gint64    *victims,
          guint            n_victims,
          GError         **error)
{
  guint n_acts = chance (self, GAWAH_SYNTHETIC_ACTS_PER_INCIDENT - 2) ? 3 : 2;

  for (guint i = 0; i < n_acts; i++)
    {
      g_autoptr(GawahAct) act = gawah_act_new ();
      guint n_laws = g_rand_int_range (self->rand, 0, 3);

      act->uuid = make_uuid (self);
      act->incident_id = incident_id;
      act->victim_id = victims[i % n_victims];
      act->act_type = g_strdup (PICK (self, acts).code);
      act->start = make_date (self);
      if (chance (self, 0.7))
        gawah_act_add_involvement (act, g_array_index (self->perpetrator_ids, gint64,
                                                       g_rand_int_range (self->rand, 0, self->perpetrator_ids->len)),
                                   PICK (self, degrees));
      g_strfreev (act->laws);
      act->laws = g_new0 (char *, n_laws + 1);
      for (guint l = 0; l < n_laws; l++)
        act->laws[l] = g_strdup (laws[(g_rand_int_range (self->rand, 0, G_N_ELEMENTS (laws)) + l) % G_N_ELEMENTS (laws)]);
      if (n_laws == 2 && g_strcmp0 (act->laws[0], act->laws[1]) == 0)
        g_clear_pointer (&act->laws[1], g_free);
      if (!gawah_casebook_save_act (casebook, act, error))
        return FALSE;
    }
  return TRUE;
}

/* One incident, its victims, acts and chronology. */
static gboolean
add_incident (GawahSynthetic  *self,
              GawahCasebook   *casebook,
              double           new_people,
              GError         **error)
{
  g_autoptr(GawahIncident) incident = gawah_synthetic_make_incident (self);
  gint64 victims[2];
  guint n_victims = chance (self, new_people - 1) ? 2 : 1;
  guint n_entries = g_rand_int_range (self->rand, GAWAH_SYNTHETIC_CHRONOLOGY_PER_INCIDENT - 1,
                                      GAWAH_SYNTHETIC_CHRONOLOGY_PER_INCIDENT + 2);

  if (!gawah_casebook_save_incident (casebook, incident, error))
    return FALSE;
  for (guint i = 0; i < n_victims; i++)
    if (!save_new_person (casebook, gawah_synthetic_make_victim (self), &victims[i], error))
      return FALSE;
  if (!add_acts (self, casebook, incident->id, victims, n_victims, error))
    return FALSE;
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(GawahChronologyEntry) entry = gawah_synthetic_make_chronology (self, incident->id);

      if (!gawah_casebook_save_chronology_entry (casebook, entry, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  GawahSynthetic *self;
  guint           count;
  double          new_people;
} Batch;

static gboolean
add_batch (GawahCasebook  *casebook,
           gpointer        user_data,
           GError        **error)
{
  Batch *batch = user_data;

  for (guint i = 0; i < batch->count; i++)
    if (!add_incident (batch->self, casebook, batch->new_people, error))
      return FALSE;
  return TRUE;
}

static gboolean
add_perpetrators (GawahCasebook  *casebook,
                  gpointer        user_data,
                  GError        **error)
{
  Batch *batch = user_data;

  for (guint i = 0; i < batch->count; i++)
    {
      gint64 id = 0;

      if (!save_new_person (casebook, gawah_synthetic_make_perpetrator (batch->self), &id, error))
        return FALSE;
      g_array_append_val (batch->self->perpetrator_ids, id);
    }
  return TRUE;
}

gboolean
gawah_synthetic_fill (GawahSynthetic          *self,
                      GawahCasebook           *casebook,
                      guint                    n_incidents,
                      guint                    batch_size,
                      GawahSyntheticProgress   progress,
                      gpointer                 user_data,
                      GError                 **error)
{
  /* One institution for every 50 incidents; the rest of the people are victims. */
  guint n_perpetrators = MAX (1, n_incidents / 50);
  Batch batch = { self, n_perpetrators, 0 };

  batch.new_people = (GAWAH_SYNTHETIC_PEOPLE_PER_INCIDENT * n_incidents - n_perpetrators) / MAX (1, n_incidents);
  if (!gawah_casebook_run_in_transaction (casebook, add_perpetrators, &batch, error))
    return FALSE;
  for (guint done = 0; done < n_incidents; done += batch.count)
    {
      batch.count = MIN (batch_size, n_incidents - done);
      if (!gawah_casebook_run_in_transaction (casebook, add_batch, &batch, error))
        return FALSE;
      if (progress != NULL)
        progress (done + batch.count, n_incidents, user_data);
    }
  return TRUE;
}
