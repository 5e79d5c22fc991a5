# Dates as Vietnamese visitors write them: "22 tháng 4 năm 2027", not "Ngày 22 …"
# in the middle of a sentence.
DATE_FORMAT = r"j \t\h\á\n\g n \n\ă\m Y"
SHORT_DATE_FORMAT = "d/m/Y"
MONTH_DAY_FORMAT = r"j \t\h\á\n\g n"
YEAR_MONTH_FORMAT = r"\T\h\á\n\g n \n\ă\m Y"  # stands alone, as a heading
DATETIME_FORMAT = r"H:i, j \t\h\á\n\g n \n\ă\m Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
