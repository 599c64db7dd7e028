#include "http/messages.hpp"

#include <unordered_map>

namespace taawun::http {
namespace {

struct Text {
  const char* fr;
  const char* ar;
  const char* en;
  const char* in(Language language) const { return language == Language::ar ? ar : language == Language::en ? en : fr; }
};

// {name} placeholders are filled from the error's params.
std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& params) {
  for (const auto& [name, value] : params) {
    std::string mark = "{" + name + "}";
    for (std::size_t at; (at = text.find(mark)) != std::string::npos;) text.replace(at, mark.size(), value);
  }
  return text;
}

const std::unordered_map<std::string_view, Text>& titles() {
  static const std::unordered_map<std::string_view, Text> table = {
      {"bad_request", {"Requête invalide", "طلب غير صالح", "Bad request"}},
      {"malformed_json", {"JSON mal formé", "JSON غير سليم", "Malformed JSON"}},
      {"invalid_utf8", {"Encodage invalide", "ترميز غير صالح", "Invalid encoding"}},
      {"payload_too_large", {"Contenu trop volumineux", "المحتوى كبير جدا", "Payload too large"}},
      {"validation_failed", {"Données invalides", "بيانات غير صالحة", "Invalid data"}},
      {"unauthenticated", {"Authentification requise", "المصادقة مطلوبة", "Authentication required"}},
      {"forbidden", {"Accès refusé", "الوصول مرفوض", "Forbidden"}},
      {"not_found", {"Introuvable", "غير موجود", "Not found"}},
      {"method_not_allowed", {"Méthode non autorisée", "الطريقة غير مسموح بها", "Method not allowed"}},
      {"conflict", {"Conflit", "تعارض", "Conflict"}},
      {"precondition_failed", {"Modifié entre-temps", "تم التعديل في الأثناء", "Changed in the meantime"}},
      {"precondition_required", {"Version requise", "النسخة مطلوبة", "Version required"}},
      {"csrf_failed", {"Jeton CSRF invalide", "رمز CSRF غير صالح", "Invalid CSRF token"}},
      {"rate_limited", {"Trop de tentatives", "محاولات كثيرة جدا", "Too many attempts"}},
      {"unsupported_media_type",
       {"Type de contenu non pris en charge", "نوع المحتوى غير مدعوم", "Unsupported media type"}},
      {"internal", {"Erreur interne", "خطأ داخلي", "Internal error"}},
      {"unavailable", {"Service indisponible", "الخدمة غير متاحة", "Service unavailable"}},
  };
  return table;
}

const std::unordered_map<std::string_view, Text>& details() {
  static const std::unordered_map<std::string_view, Text> table = {
      {"bad_request", {"La requête est invalide.", "الطلب غير صالح.", "The request is not valid."}},
      {"malformed_json",
       {"Le corps de la requête n'est pas un JSON valide : {reason}", "محتوى الطلب ليس JSON صالحا: {reason}",
        "The request body is not valid JSON: {reason}"}},
      {"bad_file",
       {"Le fichier ne peut pas être lu : {reason}.", "تعذرت قراءة الملف: {reason}.",
        "The file cannot be read: {reason}."}},
      {"json_not_object",
       {"Le corps de la requête doit être un objet JSON.", "يجب أن يكون محتوى الطلب كائن JSON.",
        "The request body must be a JSON object."}},
      {"invalid_utf8",
       {"Le texte envoyé n'est pas en UTF-8 valide.", "النص المرسل ليس بترميز UTF-8 صالح.",
        "The text sent is not valid UTF-8."}},
      {"payload_too_large",
       {"Le corps de la requête dépasse {max} octets.", "يتجاوز محتوى الطلب {max} بايت.",
        "The request body is larger than {max} bytes."}},
      {"validation_failed",
       {"Certaines valeurs sont invalides ; voir le détail par champ.", "بعض القيم غير صالحة؛ انظر التفاصيل لكل حقل.",
        "Some values are not valid; see the details per field."}},
      {"unauthenticated", {"Connectez-vous pour continuer.", "سجّل الدخول للمتابعة.", "Log in to continue."}},
      {"wrong_credentials",
       {"Nom d'utilisateur ou mot de passe incorrect.", "اسم المستخدم أو كلمة المرور غير صحيحة.",
        "Wrong username or password."}},
      {"forbidden",
       {"Votre rôle ne permet pas cette action.", "دورك لا يسمح بهذا الإجراء.",
        "Your role does not allow this action."}},
      {"not_found",
       {"Cette ressource n'existe pas ou ne vous est pas accessible.", "هذا المورد غير موجود أو غير متاح لك.",
        "This resource does not exist or is not available to you."}},
      {"route_not_found",
       {"Aucune ressource à l'adresse {path}.", "لا يوجد مورد في العنوان {path}.", "Nothing lives at {path}."}},
      {"method_not_allowed",
       {"La méthode {method} n'est pas permise ici.", "الطريقة {method} غير مسموح بها هنا.",
        "Method {method} is not allowed here."}},
      {"conflict",
       {"Cette modification entre en conflit avec une autre donnée.", "يتعارض هذا التعديل مع بيانات أخرى.",
        "This change conflicts with other data."}},
      {"precondition_failed",
       {"Quelqu'un d'autre a modifié cet enregistrement depuis que vous l'avez lu. Rechargez-le puis refaites vos "
        "modifications.",
        "قام شخص آخر بتعديل هذا السجل منذ قراءتك له. أعد تحميله ثم أعد تعديلاتك.",
        "Someone else changed this record since you read it. Reload it and make your changes again."}},
      {"precondition_required",
       {"Envoyez l'en-tête If-Match avec l'ETag lu, afin de ne pas écraser le travail d'un autre.",
        "أرسل الترويسة If-Match مع قيمة ETag المقروءة حتى لا تمحو عمل غيرك.",
        "Send the If-Match header with the ETag you read, so that nobody's work is overwritten."}},
      {"invalid_if_match",
       {"L'en-tête If-Match n'est pas un ETag de cet enregistrement.", "الترويسة If-Match ليست ETag لهذا السجل.",
        "The If-Match header is not an ETag of this record."}},
      {"csrf_failed",
       {"L'en-tête X-CSRF-Token manque ou ne correspond pas à la session.",
        "الترويسة X-CSRF-Token مفقودة أو لا تطابق الجلسة.",
        "The X-CSRF-Token header is missing or does not match the session."}},
      {"rate_limited",
       {"Trop de tentatives de connexion. Réessayez dans {seconds} secondes.",
        "محاولات دخول كثيرة جدا. أعد المحاولة بعد {seconds} ثانية.",
        "Too many login attempts. Try again in {seconds} seconds."}},
      {"unsupported_media_type",
       {"Envoyez le corps en application/json.", "أرسل المحتوى بصيغة application/json.",
        "Send the body as application/json."}},
      {"internal",
       {"Une erreur inattendue s'est produite ; rien n'a été enregistré.", "حدث خطأ غير متوقع؛ لم يُحفظ أي شيء.",
        "An unexpected error occurred; nothing was saved."}},
      {"unavailable",
       {"La base de données est occupée ; réessayez.", "قاعدة البيانات مشغولة؛ أعد المحاولة.",
        "The database is busy; try again."}},
      // catalogue: programmes, offers, requests
      {"request_closed",
       {"Cette demande est close (statut {status}) : ses offres ne changent plus.",
        "هذا الطلب مغلق (الحالة {status}): لم تعد عروضه تتغير.",
        "This request is closed (status {status}): its offers no longer change."}},
      // certificates, evaluations
      {"certificate_not_issued",
       {"Aucune attestation n'a encore été délivrée pour cette participation.", "لم تُسلَّم بعدُ أي شهادة عن هذه المشاركة.",
        "No certificate has been issued for this participation yet."}},
      {"unknown_certificate",
       {"Aucune attestation ne porte ce code de vérification.", "لا توجد أي شهادة تحمل رمز التحقق هذا.",
        "No certificate bears this verification code."}},
      {"certificate_fonts_missing",
       {"Les polices des attestations ({fonts}) ne sont pas installées sur le serveur ; l'administrateur doit "
        "installer fonts-dejavu-core et fonts-hosny-amiri.",
        "خطوط الشهادات ({fonts}) غير مثبتة على الخادم؛ على المسؤول تثبيت fonts-dejavu-core و fonts-hosny-amiri.",
        "The certificate fonts ({fonts}) are not installed on the server; the administrator must install "
        "fonts-dejavu-core and fonts-hosny-amiri."}},
      {"verification_rate_limited",
       {"Trop de codes inconnus vérifiés depuis votre adresse. Réessayez dans {seconds} secondes.",
        "تم التحقق من رموز غير معروفة كثيرة جدا من عنوانك. أعد المحاولة بعد {seconds} ثانية.",
        "Too many unknown codes checked from your address. Try again in {seconds} seconds."}},
      {"evaluation_not_recorded",
       {"Aucune évaluation n'a encore été enregistrée pour cette participation.", "لم يُسجَّل بعدُ أي تقييم لهذه المشاركة.",
        "No evaluation has been recorded for this participation yet."}},
  };
  return table;
}

const std::unordered_map<std::string_view, Text>& field_messages() {
  static const std::unordered_map<std::string_view, Text> table = {
      {"required", {"Ce champ est obligatoire.", "هذا الحقل إلزامي.", "This field is required."}},
      {"too_long", {"{max} caractères au plus.", "{max} حرفا على الأكثر.", "At most {max} characters."}},
      {"too_short", {"{min} caractères au moins.", "{min} حرفا على الأقل.", "At least {min} characters."}},
      {"too_many", {"{max} éléments au plus.", "{max} عنصرا على الأكثر.", "At most {max} items."}},
      {"invalid_choice",
       {"Valeur inconnue ; valeurs permises : {choices}.", "قيمة غير معروفة؛ القيم المسموح بها: {choices}.",
        "Unknown value; allowed values: {choices}."}},
      {"unknown_code",
       {"Code inconnu dans la liste {codelist}.", "رمز غير معروف في القائمة {codelist}.",
        "Unknown code in the {codelist} list."}},
      {"one_name_required",
       {"Donnez au moins un nom (français, arabe ou anglais).",
        "أدخل اسما واحدا على الأقل (بالفرنسية أو العربية أو الإنجليزية).",
        "Give at least one name (French, Arabic or English)."}},
      {"unknown_country",
       {"Pays inconnu (code ISO 3166 à deux lettres attendu).", "بلد غير معروف (يُنتظر رمز ISO 3166 من حرفين).",
        "Unknown country (two-letter ISO 3166 code expected)."}},
      {"unknown_organisation",
       {"Cette organisation n'existe pas.", "هذه المنظمة غير موجودة.", "This organisation does not exist."}},
      {"unknown_user", {"Cet utilisateur n'existe pas.", "هذا المستخدم غير موجود.", "This user does not exist."}},
      {"invalid_iati_identifier",
       {"Identifiant IATI invalide : préfixe de l'agence d'enregistrement, tiret, identifiant (ex. FR-RCS-123456789).",
        "معرّف IATI غير صالح: بادئة جهة التسجيل ثم شرطة ثم المعرّف (مثل FR-RCS-123456789).",
        "Invalid IATI identifier: registration agency prefix, hyphen, identifier (e.g. FR-RCS-123456789)."}},
      {"already_taken",
       {"Cette valeur est déjà utilisée.", "هذه القيمة مستخدمة من قبل.", "This value is already in use."}},
      {"invalid_url",
       {"Adresse web invalide (http:// ou https://).", "عنوان ويب غير صالح (http:// أو https://).",
        "Invalid web address (http:// or https://)."}},
      {"parent_cycle",
       {"Une organisation ne peut pas dépendre d'elle-même.", "لا يمكن أن تتبع المنظمة نفسها.",
        "An organisation cannot be its own parent."}},
      {"invalid_email", {"Adresse électronique invalide.", "بريد إلكتروني غير صالح.", "Invalid e-mail address."}},
      {"invalid_phone", {"Numéro de téléphone invalide.", "رقم هاتف غير صالح.", "Invalid phone number."}},
      {"invalid_username",
       {"De 3 à 64 caractères : lettres minuscules, chiffres, point, tiret, soulignement.",
        "من 3 إلى 64 حرفا: أحرف لاتينية صغيرة وأرقام ونقطة وشرطة وشرطة سفلية.",
        "3 to 64 characters: lower-case letters, digits, dot, hyphen, underscore."}},
      {"required_for_role", {"Obligatoire pour ce rôle.", "إلزامي لهذا الدور.", "Required for this role."}},
      {"not_allowed_for_role", {"Sans objet pour ce rôle.", "لا ينطبق على هذا الدور.", "Not applicable to this role."}},
      {"read_only",
       {"Ce champ ne peut pas être modifié ici.", "لا يمكن تعديل هذا الحقل هنا.",
        "This field cannot be changed here."}},
      {"cannot_change_own_access",
       {"Vous ne pouvez pas retirer vos propres droits d'administrateur.", "لا يمكنك سحب صلاحيات المدير من نفسك.",
        "You cannot remove your own administrator access."}},
      {"wrong_password",
       {"Mot de passe actuel incorrect.", "كلمة المرور الحالية غير صحيحة.", "Current password is wrong."}},
      {"invalid_date",
       {"Date invalide (AAAA-MM-JJ attendu).", "تاريخ غير صالح (الصيغة المنتظرة YYYY-MM-DD).",
        "Invalid date (YYYY-MM-DD expected)."}},
      {"unknown_field", {"Champ inconnu.", "حقل غير معروف.", "Unknown field."}},
      {"wrong_type", {"Type attendu : {expected}.", "النوع المنتظر: {expected}.", "Expected type: {expected}."}},
      {"not_an_integer", {"Nombre entier attendu.", "يُنتظر عدد صحيح.", "A whole number is expected."}},
      {"out_of_range",
       {"Valeur hors limites ({min} à {max}).", "قيمة خارج الحدود ({min} إلى {max}).",
        "Value out of range ({min} to {max})."}},
      {"invalid_boolean", {"true ou false attendu.", "يُنتظر true أو false.", "true or false expected."}},
      {"invalid_characters",
       {"Caractères de contrôle interdits.", "أحرف التحكم غير مسموح بها.", "Control characters are not allowed."}},
      // technical cooperation
      {"duplicate", {"Déjà présent dans la liste.", "موجود مسبقا في القائمة.", "Already in the list."}},
      {"percentages_not_100",
       {"Les pourcentages doivent totaliser 100 (total actuel : {sum}).",
        "يجب أن يكون مجموع النسب 100 (المجموع الحالي: {sum}).", "The percentages must add up to 100 (now {sum})."}},
      {"required_for_triangular",
       {"Une action triangulaire a au moins un partenaire financier.",
        "يجب أن يكون للعمل الثلاثي شريك ممول واحد على الأقل.",
        "A triangular action has at least one funding partner."}},
      {"below_filled",
       {"Inférieur aux places déjà attribuées ({filled}).", "أقل من المقاعد المسندة حاليا ({filled}).",
        "Below the seats already taken ({filled})."}},
      {"quotas_exceed_seats",
       {"Les quotas ({sum}) dépassent le nombre de places ({seats}).", "الحصص ({sum}) تتجاوز عدد المقاعد ({seats}).",
        "The quotas ({sum}) exceed the seats ({seats})."}},
      {"quota_in_use",
       {"Le quota de {country} a des participants sélectionnés : il ne peut pas être retiré.",
        "لحصة {country} مشاركون مختارون: لا يمكن حذفها.",
        "{country}'s quota has selected participants: it cannot be removed."}},
      {"place_must_be_morocco",
       {"Ce type d'action se déroule au Maroc (MA).", "هذا النوع من الأعمال يجري في المغرب (MA).",
        "This type of action takes place in Morocco (MA)."}},
      {"place_must_be_abroad",
       {"Ce type d'action se déroule dans le pays partenaire, pas au Maroc.",
        "هذا النوع من الأعمال يجري في البلد الشريك وليس في المغرب.",
        "This type of action takes place in the partner country, not in Morocco."}},
      {"before_start",
       {"La date de fin précède la date de début.", "تاريخ النهاية يسبق تاريخ البداية.",
        "The end date is before the start date."}},
      {"unknown_record", {"Enregistrement introuvable.", "سجل غير موجود.", "No such record."}},
      {"transition_not_allowed",
       {"Passage impossible depuis « {from} » ; possibles : {allowed}.",
        "الانتقال غير ممكن من « {from} »؛ الممكن: {allowed}.", "Not allowed from \"{from}\"; allowed: {allowed}."}},
      {"quota_full",
       {"Le quota de {country} est atteint ({seats} places).", "اكتملت حصة {country} ({seats} مقاعد).",
        "{country}'s quota is full ({seats} seats)."}},
      {"no_seats_left",
       {"Toutes les places de l'action sont attribuées ({seats}).", "جميع مقاعد العمل مسندة ({seats}).",
        "All the action's seats are taken ({seats})."}},
      {"action_not_open",
       {"L'action n'est pas dans un état qui le permet (état : {status}).",
        "حالة العمل لا تسمح بذلك (الحالة: {status}).", "The action's status does not allow this (status: {status})."}},
      {"already_nominated",
       {"Cette personne est déjà proposée pour cette action.", "هذا الشخص مرشح مسبقا لهذا العمل.",
        "This person is already nominated to this action."}},
      {"unknown_person", {"Personne introuvable.", "الشخص غير موجود.", "No such person."}},
      {"merged_person",
       {"Cette fiche a été fusionnée dans la fiche n° {into}.", "تم دمج هذا السجل في السجل رقم {into}.",
        "This record was merged into record {into}."}},
      {"merge_chain",
       {"D'autres fiches ont été fusionnées dans celle-ci : défaites ces fusions d'abord.",
        "دُمجت سجلات أخرى في هذا السجل: ألغِ هذه الدمجات أولا.",
        "Other records were merged into this one: undo those merges first."}},
      {"same_person",
       {"Une fiche ne peut pas être fusionnée avec elle-même.", "لا يمكن دمج سجل مع نفسه.",
        "A record cannot be merged with itself."}},
      {"not_merged", {"Cette fiche n'est pas fusionnée.", "هذا السجل غير مدمج.", "This record is not merged."}},
      {"outside_scope",
       {"En dehors des pays dont vous êtes le point focal.", "خارج البلدان التي أنت نقطة الاتصال بها.",
        "Outside the countries you are the focal point of."}},
      {"implausible_birth_date",
       {"Date de naissance invraisemblable.", "تاريخ ميلاد غير معقول.", "Implausible birth date."}},
      {"invalid_passport_number",
       {"Numéro de passeport invalide (5 à 30 lettres et chiffres).", "رقم جواز سفر غير صالح (من 5 إلى 30 حرفا ورقما).",
        "Invalid passport number (5 to 30 letters and digits)."}},
      {"outside_action_dates",
       {"En dehors des dates de l'action ({start} – {end}).", "خارج تواريخ العمل ({start} – {end}).",
        "Outside the action's dates ({start} – {end})."}},
      {"not_arrived",
       {"Le participant n'est pas arrivé (état : {state}).", "المشارك لم يصل (الحالة: {state}).",
        "The participant has not arrived (state: {state})."}},
      {"not_a_participant",
       {"Seuls les participants sélectionnés ont une logistique (état : {state}).",
        "اللوجستيك خاص بالمشاركين المختارين فقط (الحالة: {state}).",
        "Only selected participants have logistics (state: {state})."}},
      {"unknown_column",
       {"Colonne inconnue : le modèle de fichier ne la prévoit pas.", "عمود غير معروف: لا يتضمنه نموذج الملف.",
        "Unknown column: the file template has no such column."}},
      {"duplicate_column", {"Colonne en double.", "عمود مكرر.", "Column appears twice."}},
      {"empty_file", {"Le fichier est vide.", "الملف فارغ.", "The file is empty."}},
      {"missing_name_columns",
       {"Le fichier doit avoir une colonne person_id, latin_name ou arabic_name.",
        "يجب أن يتضمن الملف عمود person_id أو latin_name أو arabic_name.",
        "The file needs a person_id, latin_name or arabic_name column."}},
      {"too_many_rows",
       {"Trop de lignes (au plus {max}).", "عدد الأسطر كبير جدا (الحد الأقصى {max}).",
        "Too many rows (at most {max})."}},
      {"no_quota_for_country",
       {"L'action n'a pas de quota pour {country}.", "ليس للعمل حصة لـ {country}.",
        "The action has no quota for {country}."}},
      {"possible_duplicate",
       {"Cette personne semble déjà enregistrée (n° {person_id}, {name}) : indiquez son person_id, ou new_person = "
        "oui.",
        "يبدو أن هذا الشخص مسجل مسبقا (رقم {person_id}، {name}): أدخل person_id أو new_person = نعم.",
        "This person seems registered already (no. {person_id}, {name}): give their person_id, or new_person = yes."}},
      {"duplicate_in_file",
       {"Même personne qu'à la ligne {first_row}.", "نفس الشخص الوارد في السطر {first_row}.",
        "Same person as on row {first_row}."}},
      {"one_person_name_required",
       {"Indiquez le nom en caractères latins ou arabes.", "أدخل الاسم بالحروف اللاتينية أو العربية.",
        "Give the name in Latin or Arabic script."}},
      // catalogue: programmes, offers, requests
      {"one_title_required",
       {"Donnez au moins un titre (français, arabe ou anglais).",
        "أدخل عنوانا واحدا على الأقل (بالفرنسية أو العربية أو الإنجليزية).",
        "Give at least one title (French, Arabic or English)."}},
      {"required_for_kind",
       {"Obligatoire pour ce type de programme.", "إلزامي لهذا النوع من البرامج.",
        "Required for this kind of programme."}},
      {"required_with_cost",
       {"Obligatoire lorsqu'un coût est indiqué.", "إلزامي عند تحديد تكلفة.", "Required when a cost is given."}},
      {"status_final",
       {"Le statut {status} est définitif : il ne change plus.", "الحالة {status} نهائية: لم تعد تتغير.",
        "Status {status} is final: it no longer changes."}},
      {"unknown_offer", {"Cette offre n'existe pas.", "هذا العرض غير موجود.", "This offer does not exist."}},
      {"offer_inactive",
       {"Cette offre est archivée ; réactivez-la avant de la proposer.", "هذا العرض مؤرشف؛ أعد تفعيله قبل اقتراحه.",
        "This offer is archived; reactivate it before proposing it."}},
      // certificates, evaluations, alumni
      {"not_completed",
       {"La participation n'est pas achevée (état : {state}) : pas encore d'attestation.",
        "المشاركة غير مكتملة (الحالة: {state}): لا شهادة بعدُ.",
        "The participation is not completed (state: {state}): no certificate yet."}},
      {"future_date", {"Cette date est dans le futur.", "هذا التاريخ في المستقبل.", "This date is in the future."}},
  };
  return table;
}

}  // namespace

std::string error_title(ErrorCode code, Language language) {
  auto found = titles().find(error_code_name(code));
  return found == titles().end() ? std::string(error_code_name(code)) : found->second.in(language);
}

std::string error_detail(ErrorCode code, std::string_view key,
                         const std::vector<std::pair<std::string, std::string>>& params, Language language) {
  auto found = details().find(key.empty() ? error_code_name(code) : key);
  if (found == details().end()) found = details().find(error_code_name(code));
  if (found == details().end()) return error_title(code, language);
  return fill(found->second.in(language), params);
}

std::string field_message(const FieldError& error, Language language) {
  auto found = field_messages().find(error.code);
  if (found == field_messages().end()) return error.code;
  return fill(found->second.in(language), error.params);
}

}  // namespace taawun::http
