/* TikTok Studio writes its CSV headers in the account's language: this
 * table maps the German, French, Spanish and Portuguese names onto the
 * English ones the TikTok presets are written with (docs/import.md,
 * "TikTok headers in other languages"). Names are compared like English
 * ones: ASCII case and surrounding blanks ignored, accented letters as
 * written. Several spellings of one name may be listed. */
#include "import/presets.h"

#include <string.h>

typedef struct header_alias {
    const char *local;   /* the localized header text (UTF-8) */
    const char *english; /* the preset column's name */
} header_alias;

static const header_alias tiktok_aliases[] = {
    /* German */
    { "Datum", "Date" },
    { "Videoaufrufe", "Video Views" },
    { "Profilaufrufe", "Profile Views" },
    { "Kommentare", "Comments" },
    { "Geteilt", "Shares" },
    { "Follower", "Followers" },
    { "Differenz der Follower zum Vortag", "Difference in followers from previous day" },
    { "Zuschauer insgesamt", "Total Viewers" },
    { "Neue Zuschauer", "New Viewers" },
    { "Wiederkehrende Zuschauer", "Returning Viewers" },
    { "Zeit", "Time" },
    { "Videotitel", "Video title" },
    { "Videolink", "Video link" },
    { "Veröffentlichungszeit", "Post time" },
    { "Likes insgesamt", "Total likes" },
    { "Kommentare insgesamt", "Total comments" },
    { "Geteilt insgesamt", "Total shares" },
    { "Aufrufe insgesamt", "Total views" },
    /* French */
    { "Vues de vidéos", "Video Views" },
    { "Vues des vidéos", "Video Views" },
    { "Vues du profil", "Profile Views" },
    { "J'aime", "Likes" },
    { "J’aime", "Likes" },
    { "Commentaires", "Comments" },
    { "Partages", "Shares" },
    { "Abonnés", "Followers" },
    { "Différence d'abonnés par rapport à la veille", "Difference in followers from previous day" },
    { "Nombre total de spectateurs", "Total Viewers" },
    { "Nouveaux spectateurs", "New Viewers" },
    { "Spectateurs récurrents", "Returning Viewers" },
    { "Heure", "Time" },
    { "Titre de la vidéo", "Video title" },
    { "Lien de la vidéo", "Video link" },
    { "Heure de publication", "Post time" },
    { "Total des J'aime", "Total likes" },
    { "Total des commentaires", "Total comments" },
    { "Total des partages", "Total shares" },
    { "Total des vues", "Total views" },
    /* Spanish */
    { "Fecha", "Date" },
    { "Visualizaciones de videos", "Video Views" },
    { "Visualizaciones de vídeos", "Video Views" },
    { "Visualizaciones del perfil", "Profile Views" },
    { "Me gusta", "Likes" },
    { "Comentarios", "Comments" },
    { "Veces compartido", "Shares" },
    { "Compartidos", "Shares" },
    { "Seguidores", "Followers" },
    { "Diferencia de seguidores con respecto al día anterior",
      "Difference in followers from previous day" },
    { "Espectadores totales", "Total Viewers" },
    { "Espectadores nuevos", "New Viewers" },
    { "Espectadores recurrentes", "Returning Viewers" },
    { "Hora", "Time" },
    { "Título del video", "Video title" },
    { "Título del vídeo", "Video title" },
    { "Enlace del video", "Video link" },
    { "Enlace del vídeo", "Video link" },
    { "Hora de publicación", "Post time" },
    { "Total de Me gusta", "Total likes" },
    { "Total de comentarios", "Total comments" },
    { "Total de veces compartido", "Total shares" },
    { "Total de visualizaciones", "Total views" },
    /* Portuguese */
    { "Data", "Date" },
    { "Visualizações de vídeo", "Video Views" },
    { "Visualizações de vídeos", "Video Views" },
    { "Visualizações do perfil", "Profile Views" },
    { "Curtidas", "Likes" },
    { "Comentários", "Comments" },
    { "Compartilhamentos", "Shares" },
    { "Diferença de seguidores em relação ao dia anterior",
      "Difference in followers from previous day" },
    { "Total de espectadores", "Total Viewers" },
    { "Novos espectadores", "New Viewers" },
    { "Espectadores recorrentes", "Returning Viewers" },
    { "Título do vídeo", "Video title" },
    { "Link do vídeo", "Video link" },
    { "Horário da publicação", "Post time" },
    { "Total de curtidas", "Total likes" },
    { "Total de comentários", "Total comments" },
    { "Total de compartilhamentos", "Total shares" },
    { "Total de visualizações", "Total views" },
};

bool skpi__column_named(const skpi__preset *p, const skpi__preset_column *c, const char *f,
                        size_t n)
{
    if (skpi__header_equal(f, n, c->name))
        return true;
    if (p->network == NULL || strcmp(p->network, "tiktok") != 0)
        return false;
    for (size_t i = 0; i < sizeof tiktok_aliases / sizeof tiktok_aliases[0]; i++)
        if (strcmp(tiktok_aliases[i].english, c->name) == 0 &&
            skpi__header_equal(f, n, tiktok_aliases[i].local))
            return true;
    return false;
}
