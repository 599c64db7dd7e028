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
      // catalogue: programmes, offers, requests
      {"one_title_required",
       {"Donnez au moins un titre (français, arabe ou anglais).",
        "أدخل عنوانا واحدا على الأقل (بالفرنسية أو العربية أو الإنجليزية).",
        "Give at least one title (French, Arabic or English)."}},
      {"required_for_kind",
       {"Obligatoire pour ce type de programme.", "إلزامي لهذا النوع من البرامج.",
        "Required for this kind of programme."}},
      {"before_start", {"Ne peut pas précéder le début.", "لا يمكن أن يسبق البداية.", "Cannot be before the start."}},
      {"required_with_cost",
       {"Obligatoire lorsqu'un coût est indiqué.", "إلزامي عند تحديد تكلفة.", "Required when a cost is given."}},
      {"invalid_transition",
       {"Passage impossible depuis le statut {from} ; statuts suivants permis : {allowed}.",
        "لا يمكن الانتقال من الحالة {from}؛ الحالات التالية المسموح بها: {allowed}.",
        "Cannot move on from status {from}; allowed next statuses: {allowed}."}},
      {"status_final",
       {"Le statut {status} est définitif : il ne change plus.", "الحالة {status} نهائية: لم تعد تتغير.",
        "Status {status} is final: it no longer changes."}},
      {"unknown_offer", {"Cette offre n'existe pas.", "هذا العرض غير موجود.", "This offer does not exist."}},
      {"offer_inactive",
       {"Cette offre est archivée ; réactivez-la avant de la proposer.", "هذا العرض مؤرشف؛ أعد تفعيله قبل اقتراحه.",
        "This offer is archived; reactivate it before proposing it."}},
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
