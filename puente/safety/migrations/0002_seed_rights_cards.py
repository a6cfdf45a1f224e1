"""Starting texts for the rights cards in the six interface languages, all awaiting a lawyer's review.

The texts live here, not in a data file, so this migration always seeds what it seeded first.
"""

from django.db import migrations

OFFICER = (
    "I choose to remain silent. I will not answer your questions.\n"
    "I do not consent to your entering my home. If you have a warrant signed by a judge, slide it under the door.\n"
    "I do not consent to a search of me, my car or my belongings.\n"
    "I will not sign anything. I want to speak to my lawyer."
)

CARDS = {
    "en": (
        "Know your rights",
        "You have the right to remain silent. You do not have to say where you were born or what your immigration status is.\n"
        "Do not open the door unless the officer shows a warrant signed by a judge. Ask them to slide it under the door.\n"
        "You have the right to speak to a lawyer before you answer any questions.\n"
        "Do not sign anything without talking to a lawyer first.",
        "To show the officer",
    ),
    "es": (
        "Conozca sus derechos",
        "Usted tiene derecho a guardar silencio. No tiene que decir dónde nació ni cuál es su estatus migratorio.\n"
        "No abra la puerta a menos que el agente le muestre una orden firmada por un juez. Pida que la pase por debajo de la puerta.\n"
        "Usted tiene derecho a hablar con un abogado antes de contestar cualquier pregunta.\n"
        "No firme nada sin hablar primero con un abogado.",
        "Para mostrar al agente (en inglés)",
    ),
    "hi": (
        "अपने अधिकार जानिए",
        "आपको चुप रहने का अधिकार है। आपको यह बताने की ज़रूरत नहीं कि आप कहाँ पैदा हुए या आपकी इमिग्रेशन स्थिति क्या है।\n"
        "दरवाज़ा तब तक न खोलें जब तक अधिकारी किसी जज के हस्ताक्षर वाला वारंट न दिखाए। उनसे कहें कि वारंट दरवाज़े के नीचे से अंदर सरका दें।\n"
        "किसी भी सवाल का जवाब देने से पहले आपको वकील से बात करने का अधिकार है।\n"
        "वकील से बात किए बिना किसी भी चीज़ पर हस्ताक्षर न करें।",
        "अधिकारी को दिखाने के लिए (अंग्रेज़ी में)",
    ),
    "zh-hans": (
        "了解您的权利",
        "您有权保持沉默。您不必说出您在哪里出生，也不必说明您的移民身份。\n"
        "除非执法人员出示由法官签署的令状，否则不要开门。请他们把令状从门缝下面递进来。\n"
        "在回答任何问题之前，您有权先与律师交谈。\n"
        "在与律师交谈之前，不要签署任何文件。",
        "出示给执法人员（英文）",
    ),
    "ar": (
        "اعرف حقوقك",
        "لك الحق في التزام الصمت. لست مضطرًا إلى أن تقول أين وُلدت أو ما هو وضعك كمهاجر.\n"
        "لا تفتح الباب إلا إذا أظهر لك الضابط مذكرة موقّعة من قاضٍ. اطلب منه أن يمرّرها من تحت الباب.\n"
        "لك الحق في التحدث إلى محامٍ قبل أن تجيب عن أي سؤال.\n"
        "لا توقّع على أي شيء قبل أن تتحدث إلى محامٍ.",
        "لإظهارها للضابط (بالإنجليزية)",
    ),
    "pl": (
        "Poznaj swoje prawa",
        "Masz prawo zachować milczenie. Nie musisz mówić, gdzie się urodziłeś ani jaki masz status imigracyjny.\n"
        "Nie otwieraj drzwi, jeśli funkcjonariusz nie pokaże nakazu podpisanego przez sędziego. Poproś, aby wsunął go pod drzwi.\n"
        "Masz prawo porozmawiać z prawnikiem, zanim odpowiesz na jakiekolwiek pytania.\n"
        "Nie podpisuj niczego, zanim nie porozmawiasz z prawnikiem.",
        "Do pokazania funkcjonariuszowi (po angielsku)",
    ),
}


def seed(apps, schema_editor):
    RightsCard = apps.get_model("safety", "RightsCard")
    for language, (title, body, officer_title) in CARDS.items():
        RightsCard.objects.create(language=language, title=title, body=body, order=1, needs_legal_review=True)
        RightsCard.objects.create(
            language=language, title=officer_title, body=OFFICER, order=2, for_officer=True, needs_legal_review=True
        )


def unseed(apps, schema_editor):
    apps.get_model("safety", "RightsCard").objects.filter(language__in=CARDS).delete()


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_rights_card")]
    operations = [migrations.RunPython(seed, unseed)]
